import type { Workflow } from '@/lib/generated/argo';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import type { ArchiveScope } from './archive-query';

/** jsonb cannot hold `\u0000`: Argo swaps it for this marker on write and back on read. */
const nullReplacement = 'ARGO_POSTGRES_NULL_REPLACEMENT';
/** Go's zero `time.Time`, which Argo writes for a time the workflow does not have. */
const zeroTime = '0001-01-01T00:00:00Z';

/** One `argo_archived_workflows` row, and its `argo_archived_workflows_labels` rows. */
export interface ArchiveRecord {
  clustername: string;
  instanceid: string;
  uid: string;
  name: string;
  namespace: string;
  phase: string;
  startedat: string;
  finishedat: string;
  creationtimestamp: string;
  /** The workflow as JSON text, labelled `Persisted` as Argo stores it. */
  workflow: string;
  labels: Array<[name: string, value: string]>;
}

/** What Argo's `ArchiveWorkflow` writes for a workflow: the labels rows include `workflow-archiving-status=Persisted`. */
export function toArchiveRecord(workflow: Workflow, scope: ArchiveScope): ArchiveRecord {
  const labels = { ...workflow.metadata.labels, [workflowLabels.archivingStatus]: 'Persisted' };
  const stored = { ...workflow, metadata: { ...workflow.metadata, labels } };
  return {
    clustername: scope.clusterName,
    instanceid: scope.instanceId,
    uid: workflow.metadata.uid ?? '',
    name: workflow.metadata.name ?? '',
    namespace: workflow.metadata.namespace ?? '',
    phase: workflow.status?.phase ?? '',
    startedat: workflow.status?.startedAt || zeroTime,
    finishedat: workflow.status?.finishedAt || zeroTime,
    creationtimestamp: workflow.metadata.creationTimestamp || zeroTime,
    workflow: JSON.stringify(stored).replaceAll('\\u0000', nullReplacement),
    labels: Object.entries(labels),
  };
}

/** A stored workflow read back: the null marker undone, labelled `Persisted` (as Argo does for old records). */
export function fromStoredWorkflow(text: string): Workflow {
  const workflow = JSON.parse(text.replaceAll(nullReplacement, '\\u0000')) as Workflow;
  workflow.metadata = { ...workflow.metadata, labels: { ...workflow.metadata?.labels, [workflowLabels.archivingStatus]: 'Persisted' } };
  return workflow;
}

/** A row of the list query (every column as text). */
export interface ArchiveListRow {
  name: string;
  namespace: string;
  uid: string;
  phase: string;
  startedat: string;
  finishedat: string;
  creationtimestamp: string | null;
  labels: string;
  annotations: string;
  progress: string;
  suspend: string | null;
  arguments: string;
  message: string;
  estimatedduration: string;
  resourcesduration: string;
}

const time = (text: string | null) => (!text || text === zeroTime ? null : text);

/** The summary Argo's `ListWorkflows` builds from a row: metadata, suspend, arguments and the status header. */
export function fromListRow(row: ArchiveListRow): Workflow {
  const annotations = JSON.parse(row.annotations) as Record<string, string>;
  const resourcesDuration = JSON.parse(row.resourcesduration) as Record<string, number>;
  const estimatedDuration = Number(row.estimatedduration) || 0;
  return {
    metadata: {
      name: row.name,
      namespace: row.namespace,
      uid: row.uid,
      creationTimestamp: time(row.creationtimestamp),
      labels: { ...(JSON.parse(row.labels) as Record<string, string>), [workflowLabels.archivingStatus]: 'Persisted' },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      ...(row.suspend !== null ? { suspend: row.suspend === 'true' } : {}),
      arguments: JSON.parse(row.arguments),
    },
    status: {
      phase: row.phase,
      startedAt: time(row.startedat),
      finishedAt: time(row.finishedat),
      ...(row.progress ? { progress: row.progress } : {}),
      ...(row.message ? { message: row.message } : {}),
      ...(estimatedDuration ? { estimatedDuration } : {}),
      ...(Object.keys(resourcesDuration).length ? { resourcesDuration } : {}),
    },
  } as unknown as Workflow;
}
