import { GrpcCode, isApiError } from '@/lib/api-error';
import { type RunOutcome, submissionErrorMessage } from '@/lib/cron';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { shutdownWorkflow } from '@/lib/workflows/shutdown-workflow';
import { isCompleted } from '@/lib/engine/phases';
import type { ClusterPort } from '../../cluster/cluster-port';
import { changeResource } from '../../services/change-resource';
import { checkValid } from '../../services/validation';

// The cron controller's side effects, each one port call (or a retry loop of them) with Argo's error handling.

type CronObject = CronWorkflow & KubeObject;
type WorkflowObject = Workflow & KubeObject;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why the CronWorkflow fails validation (as Argo's controller validates before each run), or undefined. */
export async function validateCron(cluster: ClusterPort, cron: CronWorkflow): Promise<string | undefined> {
  try {
    await checkValid(cluster, 'CronWorkflow', cron as CronObject, cron.metadata.namespace ?? '', {});
    return undefined;
  } catch (error) {
    if (isApiError(error)) return error.message;
    throw error;
  }
}

/**
 * Argo's TerminateWorkflow for concurrencyPolicy Replace: sets `spec.shutdown: Terminate`. A workflow that is gone
 * or already complete is skipped; any other failure is the run policy error Argo reports.
 */
export async function terminateWorkflows(cluster: ClusterPort, namespace: string, names: string[]): Promise<string | undefined> {
  for (const name of names) {
    try {
      await changeResource<WorkflowObject>(cluster, 'workflows', namespace, name, (workflow) =>
        isCompleted(workflow.status?.phase) ? undefined : (shutdownWorkflow(workflow, 'Terminate') as WorkflowObject));
    } catch (error) {
      if (isApiError(error) && error.code === GrpcCode.NotFound) continue;
      return `run policy error: error stopping workflow ${name}: ${messageOf(error)}`;
    }
  }
  return undefined;
}

/**
 * Argo's SubmitWorkflow: validates the workflow as a submission, then creates it. AlreadyExists means this
 * scheduled time ran before (the name is derived from it), which is not an error.
 */
export async function submitScheduledWorkflow(cluster: ClusterPort, workflow: Workflow, scheduledTime: Date): Promise<RunOutcome> {
  const namespace = workflow.metadata.namespace ?? '';
  try {
    await checkValid(cluster, 'Workflow', workflow as WorkflowObject, namespace, { lint: false, submit: true });
    const created = await cluster.create<WorkflowObject>('workflows', namespace, workflow as WorkflowObject);
    return { type: 'created', workflow: created, scheduledTime };
  } catch (error) {
    if (isApiError(error) && error.code === GrpcCode.AlreadyExists) return { type: 'already-exists' };
    return { type: 'failed', message: submissionErrorMessage(messageOf(error)) };
  }
}

/**
 * Saves the status, labels and annotations the controller decided, as Argo's merge patch: the status is replaced,
 * labels and annotations are merged into the current ones, and the spec is whatever it is now (a user may have
 * edited it meanwhile). Retries on conflict; a deleted cron is left deleted.
 */
export async function saveCronStatus(cluster: ClusterPort, original: CronWorkflow, decided: CronWorkflow): Promise<void> {
  const { namespace = '', name = '' } = decided.metadata;
  const labels = changedEntries(original.metadata.labels, decided.metadata.labels);
  const annotations = changedEntries(original.metadata.annotations, decided.metadata.annotations);
  try {
    await changeResource<CronObject>(cluster, 'cronworkflows', namespace, name, (current) => ({
      ...current,
      metadata: {
        ...current.metadata,
        ...(Object.keys(labels).length ? { labels: { ...current.metadata.labels, ...labels } } : {}),
        ...(Object.keys(annotations).length ? { annotations: { ...current.metadata.annotations, ...annotations } } : {}),
      },
      status: decided.status ?? {},
    }));
  } catch (error) {
    if (isApiError(error) && error.code === GrpcCode.NotFound) return;
    throw error;
  }
}

// The keys the controller set or changed (it never removes labels or annotations).
function changedEntries(before: Record<string, string> | undefined, after: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(after ?? {}).filter(([key, value]) => before?.[key] !== value));
}

/** Deletes a workflow; one already gone is fine (Argo's history cleanup ignores NotFound). */
export async function deleteWorkflowIfPresent(cluster: ClusterPort, namespace: string, name: string): Promise<boolean> {
  try {
    await cluster.delete('workflows', namespace, name);
    return true;
  } catch (error) {
    if (isApiError(error) && error.code === GrpcCode.NotFound) return false;
    throw error;
  }
}
