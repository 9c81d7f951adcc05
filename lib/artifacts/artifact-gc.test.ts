import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { validateWorkflow } from '../validate/validate-workflow';
import { collectableArtifacts, needsDeletionFinalizer, strategyOf } from './artifact-gc';

const workflow = (strategy?: string): Workflow => ({
  metadata: { name: 'wf' },
  spec: { ...(strategy ? { artifactGC: { strategy } } : {}), templates: [] },
  status: {
    nodes: {
      pod: {
        id: 'pod', name: 'wf', type: 'Pod',
        outputs: {
          artifacts: [
            { name: 'a', s3: { key: 'k/a.tgz' }, artifactGC: { strategy: 'OnWorkflowCompletion' } },
            { name: 'b', s3: { key: 'k/b.tgz' } },
            { name: 'c', s3: { key: 'k/c.tgz' }, deleted: true },
            { name: 'r', raw: { data: 'x' } },
          ],
        },
      },
      steps: { id: 'steps', name: 'wf.s', type: 'Steps', outputs: { artifacts: [{ name: 'a', s3: { key: 'k/a.tgz' } }] } },
    },
  },
} as Workflow);

describe('artifact GC', () => {
  it('takes the artifact strategy over the workflow one, Never by default', () => {
    expect(strategyOf({ name: 'x' }, workflow())).toBe('Never');
    expect(strategyOf({ name: 'x' }, workflow('OnWorkflowDeletion'))).toBe('OnWorkflowDeletion');
    expect(strategyOf({ name: 'x', artifactGC: { strategy: 'Never' } }, workflow('OnWorkflowDeletion'))).toBe('Never');
  });

  it("accepts GC's serviceAccountName and podMetadata (Capstan deletes the objects itself, without GC pods)", () => {
    const gc = { serviceAccountName: 'gc', podMetadata: { labels: { team: 'a' }, annotations: { note: 'x' } } };
    const manifest = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'gc-' },
      spec: {
        entrypoint: 'main', artifactGC: { strategy: 'OnWorkflowCompletion', ...gc },
        templates: [{ name: 'main', container: { image: 'busybox' }, outputs: { artifacts: [{ name: 'o', path: '/tmp/o', artifactGC: { strategy: 'OnWorkflowDeletion', ...gc } }] } }],
      },
    };
    expect(validateWorkflow(manifest).errors).toEqual([]);
    const withGcSettings = { ...workflow('OnWorkflowDeletion'), spec: { templates: [], artifactGC: { strategy: 'OnWorkflowDeletion', ...gc } } } as Workflow;
    expect(collectableArtifacts(withGcSettings, 'OnWorkflowDeletion').map((c) => c.artifact.name)).toEqual(['b']);
  });

  it('collects pods saved artifacts once, skipping deleted, raw and pass-through ones', () => {
    expect(collectableArtifacts(workflow('OnWorkflowDeletion'), 'OnWorkflowCompletion').map((c) => c.artifact.name)).toEqual(['a']);
    expect(collectableArtifacts(workflow('OnWorkflowDeletion'), 'OnWorkflowDeletion').map((c) => c.artifact.name)).toEqual(['b']);
    expect(collectableArtifacts(workflow(), 'OnWorkflowDeletion')).toEqual([]);
  });

  it('needs the finalizer when the workflow, or one of its templates\' artifacts, collects on deletion', () => {
    expect(needsDeletionFinalizer(workflow('OnWorkflowDeletion'))).toBe(true);
    expect(needsDeletionFinalizer(workflow('OnWorkflowCompletion'))).toBe(false);
    expect(needsDeletionFinalizer(workflow())).toBe(false);
    const own: Workflow = { metadata: { name: 'wf' }, spec: { templates: [{ name: 't', outputs: { artifacts: [{ name: 'x', artifactGC: { strategy: 'OnWorkflowDeletion' } }] } }] } };
    expect(needsDeletionFinalizer(own)).toBe(true);
  });
});
