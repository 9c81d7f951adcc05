import { invalidArgument } from '../api-error';
import type { KubeObject } from '../k8s/object';

/** The kinds a job can be, by their plural (as in URLs and the cluster port). */
export const jobKinds = ['workflowtemplates', 'clusterworkflowtemplates', 'cronworkflows'] as const;
export type JobKind = (typeof jobKinds)[number];

/** A job: a WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow. Cluster-scoped jobs have namespace "". */
export interface JobRef {
  kind: JobKind;
  namespace: string;
  name: string;
}

/** The labels Argo puts on a workflow to say which job it came from. */
export const jobLabels = {
  workflowtemplates: 'workflows.argoproj.io/workflow-template',
  clusterworkflowtemplates: 'workflows.argoproj.io/cluster-workflow-template',
  cronworkflows: 'workflows.argoproj.io/cron-workflow',
} as const satisfies Record<JobKind, string>;

export const buildNumberLabel = 'capstan.io/build-number';
export const triggerAnnotation = 'capstan.io/trigger';

/** A stable string for a job, e.g. `workflowtemplates/argo/build`. */
export function jobKey(job: JobRef): string {
  return `${job.kind}/${job.namespace || '-'}/${job.name}`;
}

/** Parses the `{kind}/{namespace}/{name}` of a job URL; namespace `-` means cluster-scoped. */
export function parseJobPath(kind: string, namespace: string, name: string): JobRef {
  if (!(jobKinds as readonly string[]).includes(kind)) {
    throw invalidArgument(`job kind "${kind}" is not one of ${jobKinds.join(', ')}`);
  }
  const clusterScoped = kind === 'clusterworkflowtemplates';
  if (clusterScoped && namespace !== '-' && namespace !== '') {
    throw invalidArgument(`clusterworkflowtemplates are cluster-scoped: use "-" as the namespace, not "${namespace}"`);
  }
  if (!clusterScoped && (namespace === '-' || namespace === '')) throw invalidArgument(`${kind} need a namespace`);
  if (!name) throw invalidArgument('job name is empty');
  return { kind: kind as JobKind, namespace: clusterScoped ? '' : namespace, name };
}

/**
 * The job a workflow belongs to, or undefined: a CronWorkflow's label first (its workflows may also reference a
 * template), then the template labels, then `spec.workflowTemplateRef` (kubectl-created workflows before any
 * controller labelled them).
 */
export function jobOfWorkflow(workflow: KubeObject): JobRef | undefined {
  const labels = workflow.metadata.labels ?? {};
  const namespace = workflow.metadata.namespace ?? '';
  const cron = labels[jobLabels.cronworkflows];
  if (cron) return { kind: 'cronworkflows', namespace, name: cron };
  const template = labels[jobLabels.workflowtemplates];
  if (template) return { kind: 'workflowtemplates', namespace, name: template };
  const clusterTemplate = labels[jobLabels.clusterworkflowtemplates];
  if (clusterTemplate) return { kind: 'clusterworkflowtemplates', namespace: '', name: clusterTemplate };
  const ref = (workflow['spec'] as { workflowTemplateRef?: { name?: string; clusterScope?: boolean } } | undefined)?.workflowTemplateRef;
  if (!ref?.name) return undefined;
  return ref.clusterScope ? { kind: 'clusterworkflowtemplates', namespace: '', name: ref.name } : { kind: 'workflowtemplates', namespace, name: ref.name };
}

/** The build number a workflow carries, or undefined when it has none (or a malformed one). */
export function buildNumberOf(workflow: KubeObject): number | undefined {
  const text = workflow.metadata.labels?.[buildNumberLabel];
  if (!text || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  return Number(text);
}
