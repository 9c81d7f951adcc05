import { describe, expect, it } from 'vitest';
import { effectiveParameters, workflowFacts } from './build-facts';

describe('effectiveParameters', () => {
  it('lays the workflow arguments over the stored template defaults', () => {
    const workflow = {
      metadata: { name: 'w' },
      spec: { arguments: { parameters: [{ name: 'branch', value: 'dev' }] } },
      status: { storedWorkflowTemplateSpec: { arguments: { parameters: [{ name: 'branch', value: 'main' }, { name: 'n', value: 3 }, { name: 'd', default: 'x' }] } } },
    };
    expect(effectiveParameters(workflow as never)).toEqual([{ name: 'branch', value: 'dev' }, { name: 'n', value: '3' }, { name: 'd', value: 'x' }]);
  });
});

describe('workflowFacts', () => {
  it('keeps times, drops Go zero times, and takes stages only once completed', () => {
    const workflow = {
      metadata: { name: 'w', namespace: 'argo', uid: 'u', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: {},
      status: { phase: 'Running', startedAt: '2026-01-01T00:00:01Z', finishedAt: '0001-01-01T00:00:00Z', nodes: {} },
    };
    expect(workflowFacts(workflow as never)).toMatchObject({ phase: 'Running', startedAt: '2026-01-01T00:00:01Z', finishedAt: null, stages: null });
    expect(workflowFacts({ ...workflow, status: { ...workflow.status, phase: 'Succeeded' } } as never).stages).toEqual([]);
    expect(workflowFacts({ ...workflow, status: { phase: 'Succeeded' } } as never).stages).toBeNull();
  });
});
