import { ApiError, GrpcCode } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import {
  type ValidationOptions, createTemplateResolver, validateClusterWorkflowTemplate, validateCronWorkflow, validateWorkflow,
  validateWorkflowTemplate,
} from '@/lib/validate';
import type { ClusterPort } from '../cluster/cluster-port';

export type ValidatedKind = 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';

const validators = {
  Workflow: validateWorkflow,
  WorkflowTemplate: validateWorkflowTemplate,
  ClusterWorkflowTemplate: validateClusterWorkflowTemplate,
  CronWorkflow: validateCronWorkflow,
} as const;

/** The templates a manifest may reference, loaded up front so that validation (pure) can resolve them. */
async function loadResolver(cluster: ClusterPort, namespace: string) {
  const [templates, clusterTemplates] = await Promise.all([
    cluster.list('workflowtemplates', namespace),
    cluster.list('clusterworkflowtemplates', ''),
  ]);
  return createTemplateResolver([
    ...templates.items.map((t) => ({ ...t, kind: 'WorkflowTemplate' })),
    ...clusterTemplates.items.map((t) => ({ ...t, kind: 'ClusterWorkflowTemplate' })),
  ]);
}

/**
 * Validates a manifest as argo-server does before creating or linting it, and throws its first issue with `code`
 * (argo-server answers lint failures of workflows with Unknown, the rest with InvalidArgument). Unknown fields are
 * not errors here: Argo's API decoder drops them, and `argo lint` reports them on the client.
 */
export async function checkValid(
  cluster: ClusterPort,
  kind: ValidatedKind,
  manifest: KubeObject,
  namespace: string,
  options: ValidationOptions,
  code: GrpcCode = GrpcCode.InvalidArgument,
): Promise<void> {
  const resolver = await loadResolver(cluster, namespace);
  const { errors } = validators[kind]({ ...manifest, kind }, { resolver, namespace, options });
  const issue = errors.find((e) => !e.message.startsWith('unknown field'));
  if (issue) throw new ApiError(code, issue.message);
}
