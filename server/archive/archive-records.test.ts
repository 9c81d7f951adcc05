import { expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import { fromListRow, fromStoredWorkflow, toArchiveRecord } from './archive-records';

const workflow = {
  metadata: { name: 'w', namespace: 'argo', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', labels: { team: 'a' } },
  spec: { entrypoint: 'main' },
  status: { phase: 'Failed', startedAt: '2024-01-01T00:00:01Z', finishedAt: '2024-01-01T00:00:09Z', message: 'nul \u0000 here' },
} as Workflow;

it('maps a workflow to the row and label rows Argo writes', () => {
  const record = toArchiveRecord(workflow, { clusterName: 'c', instanceId: '' });
  expect(record).toMatchObject({
    clustername: 'c', instanceid: '', uid: 'u1', name: 'w', namespace: 'argo', phase: 'Failed',
    startedat: '2024-01-01T00:00:01Z', finishedat: '2024-01-01T00:00:09Z', creationtimestamp: '2024-01-01T00:00:00Z',
    labels: [['team', 'a'], ['workflows.argoproj.io/workflow-archiving-status', 'Persisted']],
  });
  expect(record.workflow).toContain('ARGO_POSTGRES_NULL_REPLACEMENT');
  expect(fromStoredWorkflow(record.workflow).status?.message).toBe('nul \u0000 here');
});

it('writes Go zero times for missing times and reads them back as null', () => {
  const record = toArchiveRecord({ metadata: { uid: 'u' }, spec: {} } as Workflow, { clusterName: 'c', instanceId: '' });
  expect(record.startedat).toBe('0001-01-01T00:00:00Z');
  const summary = fromListRow({
    name: 'w', namespace: 'n', uid: 'u', phase: 'Error', startedat: '0001-01-01T00:00:00Z', finishedat: '2024-01-01T00:00:00Z',
    creationtimestamp: '2024-01-01T00:00:00Z', labels: '{}', annotations: '{"a":"b"}', progress: '', suspend: 'true', arguments: '{}',
    message: 'boom', estimatedduration: '7', resourcesduration: '{"cpu":3}',
  });
  expect(summary).toEqual({
    metadata: {
      name: 'w', namespace: 'n', uid: 'u', creationTimestamp: '2024-01-01T00:00:00Z',
      labels: { 'workflows.argoproj.io/workflow-archiving-status': 'Persisted' }, annotations: { a: 'b' },
    },
    spec: { suspend: true, arguments: {} },
    status: { phase: 'Error', startedAt: null, finishedAt: '2024-01-01T00:00:00Z', message: 'boom', estimatedDuration: 7, resourcesDuration: { cpu: 3 } },
  });
});
