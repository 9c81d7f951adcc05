import { describe, expect, it } from 'vitest';
import { validateManifest } from './index';
import { buildContainer, buildCronWorkflow, buildWorkflow, buildWorkflowTemplate } from './test-builders';

describe('validateManifest', () => {
  it('dispatches on kind', () => {
    expect(validateManifest(buildWorkflow([buildContainer()]))).toEqual({ errors: [] });
    expect(validateManifest(buildWorkflowTemplate('t', [buildContainer()]))).toEqual({ errors: [] });
    expect(validateManifest({ ...buildWorkflowTemplate('t', [buildContainer()]), kind: 'ClusterWorkflowTemplate' })).toEqual({ errors: [] });
    expect(validateManifest(buildCronWorkflow({ entrypoint: 'main', templates: [buildContainer()] }))).toEqual({ errors: [] });
  });

  it('skips kinds argo lint does not lint', () => {
    expect(validateManifest({ kind: 'ConfigMap' })).toBeUndefined();
    expect(validateManifest('text')).toBeUndefined();
  });
});
