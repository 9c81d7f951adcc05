import { invalidArgument } from '../api-error';
import type { KubeObject } from '../k8s/object';

/** Argo's `submitOptions` on `POST /api/v1/workflows/{namespace}/submit` (the fields Capstan honours). */
export interface SubmitOptions {
  name?: string;
  generateName?: string;
  entrypoint?: string;
  /** `name=value` pairs. */
  parameters?: string[];
  /** `key=value` pairs separated by commas. */
  labels?: string;
  annotations?: string;
  serviceAccount?: string;
  podPriorityClassName?: string;
  priority?: number;
  dryRun?: boolean;
  serverDryRun?: boolean;
}

export type SubmittableKind = 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow' | 'cronwf' | 'workflowtemplate' | 'clusterworkflowtemplate';

function parsePairs(text: string | undefined, what: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at <= 0) throw invalidArgument(`${what} "${part}" must be key=value`);
    pairs[part.slice(0, at)] = part.slice(at + 1);
  }
  return pairs;
}

/** Splits `name=value` parameters the way `argo submit -p` does: only the first `=` separates. */
export function parseParameters(parameters: string[] = []): { name: string; value: string }[] {
  return parameters.map((p) => {
    const at = p.indexOf('=');
    if (at <= 0) throw invalidArgument(`parameter "${p}" must be name=value`);
    return { name: p.slice(0, at), value: p.slice(at + 1) };
  });
}

/** Normalises the kinds argo-server accepts in `resourceKind` (the CLI sends lower-case short forms). */
export function normaliseSubmittableKind(kind: string): 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow' {
  switch (kind.toLowerCase()) {
    case 'workflowtemplate': case 'workflowtemplates': case 'wftmpl': return 'WorkflowTemplate';
    case 'clusterworkflowtemplate': case 'clusterworkflowtemplates': case 'cwftmpl': return 'ClusterWorkflowTemplate';
    case 'cronworkflow': case 'cronworkflows': case 'cronwf': return 'CronWorkflow';
    default: throw invalidArgument(`resourceKind "${kind}" cannot be submitted: use WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow`);
  }
}

/**
 * The Workflow that submitting a template or cron workflow creates: a reference to the template
 * (so later template edits do not change a running build), labelled with where it came from.
 */
export function workflowFromSubmittable(
  kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow',
  source: KubeObject,
  namespace: string,
  options: SubmitOptions = {},
): KubeObject {
  const sourceName = source.metadata.name ?? '';
  const labels: Record<string, string> = { ...parsePairs(options.labels, 'label') };
  let spec: Record<string, unknown>;
  if (kind === 'CronWorkflow') {
    labels['workflows.argoproj.io/cron-workflow'] = sourceName;
    spec = structuredClone((source['spec'] as { workflowSpec?: Record<string, unknown> })?.workflowSpec ?? {});
  } else {
    const clusterScope = kind === 'ClusterWorkflowTemplate';
    labels[clusterScope ? 'workflows.argoproj.io/cluster-workflow-template' : 'workflows.argoproj.io/workflow-template'] = sourceName;
    spec = { workflowTemplateRef: { name: sourceName, ...(clusterScope ? { clusterScope: true } : {}) } };
  }
  const parameters = parseParameters(options.parameters);
  if (parameters.length) {
    const existing = ((spec['arguments'] as { parameters?: { name: string }[] })?.parameters ?? []).filter(
      (p) => !parameters.some((q) => q.name === p.name),
    );
    spec['arguments'] = { ...(spec['arguments'] as object), parameters: [...existing, ...parameters] };
  }
  if (options.entrypoint) spec['entrypoint'] = options.entrypoint;
  if (options.serviceAccount) spec['serviceAccountName'] = options.serviceAccount;
  if (options.podPriorityClassName) spec['podPriorityClassName'] = options.podPriorityClassName;
  if (options.priority !== undefined) spec['priority'] = options.priority;
  const annotations = parsePairs(options.annotations, 'annotation');
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      ...(options.name ? { name: options.name } : { generateName: options.generateName || `${sourceName}-` }),
      namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec,
  };
}
