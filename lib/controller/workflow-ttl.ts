import type { Workflow, WorkflowSpec } from '../generated/argo';

/**
 * When a completed workflow is to be deleted by its `ttlStrategy`, as Argo's TTL controller: `secondsAfterFailure`
 * for Failed (not Error, as in Argo), `secondsAfterSuccess` for Succeeded, else `secondsAfterCompletion`, counted
 * from `finishedAt`. Undefined when no TTL applies or the workflow is not done (Argo's IsDone: labelled completed, not
 * being deleted, not waiting to be archived).
 */
export function workflowExpiresAt(workflow: Workflow, spec: Pick<WorkflowSpec, 'ttlStrategy'> = workflow.spec): Date | undefined {
  const ttl = spec?.ttlStrategy;
  const status = workflow.status;
  const labels = workflow.metadata.labels ?? {};
  const done = labels['workflows.argoproj.io/completed'] === 'true' && labels['workflows.argoproj.io/workflow-archiving-status'] !== 'Pending'
    && !workflow.metadata.deletionTimestamp;
  if (!ttl || !status?.finishedAt || !done) return undefined;
  const phase = status.phase ?? '';
  let seconds: number | undefined;
  if (phase === 'Failed' && ttl.secondsAfterFailure !== undefined) seconds = ttl.secondsAfterFailure;
  else if (phase === 'Succeeded' && ttl.secondsAfterSuccess !== undefined) seconds = ttl.secondsAfterSuccess;
  else if (ttl.secondsAfterCompletion !== undefined) seconds = ttl.secondsAfterCompletion;
  if (seconds === undefined) return undefined;
  return new Date(Date.parse(status.finishedAt) + seconds * 1000);
}
