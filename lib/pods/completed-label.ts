import { workflowLabels } from '../workflows/workflow-labels';

// Argo's controller puts the workflow's completed label on a finished pod too, so tools can pass over finished pods.
const completedLabel = workflowLabels.completed;

interface LabelledObject {
  metadata?: { labels?: Record<string, string>; resourceVersion?: string; managedFields?: unknown };
}

/**
 * Whether `next` differs from `previous` only by the completed label (and the version and field owners every write
 * changes): the controller's own label on a finished pod, which tells the engine nothing new. Such an update must not
 * requeue the workflow: a 2,000-task DAG's 2,000 labels each ran the engine over the whole DAG for nothing (25-150 ms
 * each on the shared cores, in bursts of dozens while the last pods were still finishing).
 */
export function isCompletedLabelOnly(previous: LabelledObject, next: LabelledObject): boolean {
  if (previous.metadata?.labels?.[completedLabel] === next.metadata?.labels?.[completedLabel]) return false;
  return JSON.stringify(withoutWriteMarks(previous)) === JSON.stringify(withoutWriteMarks(next));
}

function withoutWriteMarks(object: LabelledObject): unknown {
  const { resourceVersion: _version, managedFields: _fields, labels, ...metadata } = object.metadata ?? {};
  const { [completedLabel]: _completed, ...otherLabels } = labels ?? {};
  return { ...object, metadata: { ...metadata, labels: otherLabels } };
}
