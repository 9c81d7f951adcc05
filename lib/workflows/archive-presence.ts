import type { Workflow } from '../generated/argo';
import { workflowLabels } from './workflow-labels';

/**
 * The uid of a workflow's archived copy, when it has one, from Argo's archiving label: `Archived` on a live
 * workflow the controller has archived, `Persisted` on a copy read from the archive (what merged lists show for
 * finished workflows). Argo's UI reads the same label to offer deleting from the archive too.
 */
export function archivedCopyUid(workflow: Pick<Workflow, 'metadata'>): string | undefined {
  const status = workflow.metadata.labels?.[workflowLabels.archivingStatus];
  return status === 'Archived' || status === 'Persisted' ? workflow.metadata.uid : undefined;
}

/** Name to archived-copy uid of the workflows that have one. */
export function archivedCopies(workflows: readonly Pick<Workflow, 'metadata'>[]): Record<string, string> {
  const copies: Record<string, string> = {};
  for (const workflow of workflows) {
    const uid = archivedCopyUid(workflow);
    if (uid && workflow.metadata.name) copies[workflow.metadata.name] = uid;
  }
  return copies;
}
