import { describe, expect, it } from 'vitest';
import { podGCAnnotationValue, podGCDelaySeconds, podsToCollect } from './pod-gc';

const pods = [
  { nodeId: 'ok', phase: 'Succeeded', labels: { keep: 'no' } },
  { nodeId: 'bad', phase: 'Failed', labels: { keep: 'no' } },
  { nodeId: 'running', phase: 'Running', labels: { keep: 'no' } },
  { nodeId: 'kept', phase: 'Succeeded', labels: { keep: 'yes' } },
];

describe('podsToCollect', () => {
  it("follows each strategy as Argo's determinePodCleanupAction", () => {
    expect(podsToCollect(undefined, 'Succeeded', pods)).toEqual([]);
    expect(podsToCollect({ strategy: 'OnPodCompletion' }, 'Running', pods)).toEqual(['ok', 'bad', 'kept']);
    expect(podsToCollect({ strategy: 'OnPodSuccess' }, 'Running', pods)).toEqual(['ok', 'kept']);
    expect(podsToCollect({ strategy: 'OnWorkflowCompletion' }, 'Running', pods)).toEqual([]);
    expect(podsToCollect({ strategy: 'OnWorkflowCompletion' }, 'Failed', pods)).toEqual(['ok', 'bad', 'kept']);
    expect(podsToCollect({ strategy: 'OnWorkflowSuccess' }, 'Failed', pods)).toEqual([]);
    expect(podsToCollect({ strategy: 'OnWorkflowSuccess' }, 'Succeeded', pods)).toEqual(['ok', 'bad', 'kept']);
  });

  it('keeps pods outside the label selector', () => {
    expect(podsToCollect({ strategy: 'OnPodCompletion', labelSelector: { matchLabels: { keep: 'no' } } }, 'Running', pods)).toEqual(['ok', 'bad']);
    expect(podsToCollect({ strategy: 'OnPodCompletion', labelSelector: { matchExpressions: [{ key: 'keep', operator: 'NotIn', values: ['yes'] }] } }, 'Running', pods))
      .toEqual(['ok', 'bad']);
    expect(() => podsToCollect({ strategy: 'OnPodCompletion', labelSelector: { matchExpressions: [{ key: 'k', operator: 'Gt' }] } }, 'Running', pods))
      .toThrow('podGC.labelSelector: "Gt" is not a valid label selector operator');
  });
});

describe('podGC delay', () => {
  it("takes the workflow's deleteDelayDuration over the controller's, and formats the annotation as Argo", () => {
    expect(podGCDelaySeconds(undefined, 5)).toBe(5);
    expect(podGCDelaySeconds({ deleteDelayDuration: '1m30s' }, 5)).toBe(90);
    expect(podGCDelaySeconds({ deleteDelayDuration: 'soon' }, 5)).toBe(5);
    expect(podGCAnnotationValue({ strategy: 'OnPodSuccess' }, 5)).toBe('OnPodSuccess/5s');
    expect(podGCAnnotationValue({ strategy: 'OnWorkflowCompletion', deleteDelayDuration: '0s' }, 5)).toBe('OnWorkflowCompletion/0s');
  });
});
