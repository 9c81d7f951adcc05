import { describe, expect, it } from 'vitest';
import { workflowLabels } from '../workflows/workflow-labels';
import { isCompletedLabelOnly } from './completed-label';

const pod = {
  metadata: { name: 'p', resourceVersion: '10', labels: { 'workflows.argoproj.io/workflow': 'wf' }, managedFields: [{ manager: 'capstan' }] },
  spec: { nodeName: 'n1' },
  status: { phase: 'Succeeded', containerStatuses: [{ name: 'main', state: { terminated: { exitCode: 0 } } }] },
};
const labelled = (from: typeof pod) => ({
  ...from,
  metadata: { ...from.metadata, resourceVersion: '11', labels: { ...from.metadata.labels, [workflowLabels.completed]: 'true' }, managedFields: [{ manager: 'capstan' }, { manager: 'label' }] },
});

describe('isCompletedLabelOnly', () => {
  it('is true when the completed label is the only change besides the version and field owners', () => {
    expect(isCompletedLabelOnly(pod, labelled(pod))).toBe(true);
  });

  it('is false when anything else changed too, or the label did not change', () => {
    const failed = { ...pod, status: { ...pod.status, phase: 'Failed' } };
    expect(isCompletedLabelOnly(pod, labelled(failed))).toBe(false);
    const otherLabel = { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, team: 'a' } } };
    expect(isCompletedLabelOnly(pod, labelled(otherLabel))).toBe(false);
    const annotated = { ...pod, metadata: { ...pod.metadata, annotations: { a: 'b' } } };
    expect(isCompletedLabelOnly(pod, labelled(annotated))).toBe(false);
    expect(isCompletedLabelOnly(pod, failed)).toBe(false);
    expect(isCompletedLabelOnly(labelled(pod), labelled(pod))).toBe(false);
  });
});
