import type { CronWorkflow, ObjectReference, OwnerReference, Workflow } from '@/lib/generated/argo';
import { formatRfc3339 } from './zoned-time';

// The Workflow a CronWorkflow run creates, as Argo's ConvertCronWorkflowToWorkflowWithProperties builds it.

export const CRON_WORKFLOW_LABEL = 'workflows.argoproj.io/cron-workflow';
export const SCHEDULED_TIME_ANNOTATION = 'workflows.argoproj.io/scheduled-time';
export const CRON_COMPLETED_LABEL = 'cronworkflows.argoproj.io/completed';
const INSTANCE_ID_LABEL = 'workflows.argoproj.io/controller-instanceid';
// The labels of a CronWorkflow its workflows inherit (who created the CronWorkflow).
const PROPAGATED_LABELS = ['workflows.argoproj.io/creator', 'workflows.argoproj.io/creator-email', 'workflows.argoproj.io/creator-preferred-username'];
const API_VERSION = 'argoproj.io/v1alpha1';

/** `<cron>-<unix seconds of the scheduled time>`: the same time always gives the same name, so a run cannot repeat. */
export function scheduledWorkflowName(cronName: string, scheduledTime: Date): string {
  return `${cronName}-${Math.floor(scheduledTime.getTime() / 1000)}`;
}

/** The controller reference a CronWorkflow's workflows carry (metav1.NewControllerRef). */
export function cronOwnerReference(cron: Pick<CronWorkflow, 'metadata'>): OwnerReference {
  return {
    apiVersion: API_VERSION,
    kind: 'CronWorkflow',
    name: cron.metadata.name ?? '',
    uid: cron.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether a workflow's controller is this CronWorkflow (Argo groups a cron's workflows by owner UID). */
export function isOwnedBy(workflow: Pick<Workflow, 'metadata'>, cron: Pick<CronWorkflow, 'metadata'>): boolean {
  const owner = workflow.metadata.ownerReferences?.find((ref) => ref.controller);
  return owner?.kind === 'CronWorkflow' && owner.uid !== undefined && owner.uid === cron.metadata.uid;
}

/**
 * The Workflow for the run scheduled at `scheduledTime`: the cron's `workflowSpec`, named deterministically,
 * labelled with the cron, annotated with the scheduled time (RFC 3339 in `localZone`, Go's time.Local, as Argo
 * prints it), owned by the cron, with `spec.workflowMetadata` applied on top.
 */
export function buildScheduledWorkflow(cron: CronWorkflow, scheduledTime: Date, localZone: string): Workflow {
  const cronLabels = cron.metadata.labels ?? {};
  const labels: Record<string, string> = {};
  for (const key of PROPAGATED_LABELS) if (key in cronLabels) labels[key] = cronLabels[key] ?? '';
  if (INSTANCE_ID_LABEL in cronLabels) labels[INSTANCE_ID_LABEL] = cronLabels[INSTANCE_ID_LABEL] ?? '';
  labels[CRON_WORKFLOW_LABEL] = cron.metadata.name ?? '';
  const metadata = cron.spec.workflowMetadata;
  Object.assign(labels, metadata?.labels);
  const annotations = {
    [SCHEDULED_TIME_ANNOTATION]: formatRfc3339(localZone, Math.floor(scheduledTime.getTime() / 1000)),
    ...metadata?.annotations,
  };
  return {
    apiVersion: API_VERSION,
    kind: 'Workflow',
    metadata: {
      name: scheduledWorkflowName(cron.metadata.name ?? '', scheduledTime),
      namespace: cron.metadata.namespace,
      labels,
      annotations,
      ...(metadata?.finalizers?.length ? { finalizers: [...metadata.finalizers] } : {}),
      ownerReferences: [cronOwnerReference(cron)],
    },
    spec: structuredClone(cron.spec.workflowSpec ?? {}),
  };
}

/** The reference `status.active` keeps to a running workflow. */
export function toActiveReference(workflow: Pick<Workflow, 'metadata'>): ObjectReference {
  return {
    kind: 'Workflow',
    apiVersion: API_VERSION,
    name: workflow.metadata.name,
    namespace: workflow.metadata.namespace,
    uid: workflow.metadata.uid,
    resourceVersion: workflow.metadata.resourceVersion,
  };
}
