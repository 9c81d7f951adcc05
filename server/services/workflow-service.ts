import { invalidArgument } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import { type SubmitOptions, normaliseSubmittableKind, workflowFromSubmittable } from '@/lib/workflows/submit-from';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { toListBody } from './resource-lists';

export async function listWorkflows(cluster: ClusterPort, namespace: string, options: ListOptions) {
  return toListBody(await cluster.list('workflows', namespace, options));
}

export function getWorkflow(cluster: ClusterPort, namespace: string, name: string) {
  return cluster.get('workflows', namespace, name);
}

export async function createWorkflow(cluster: ClusterPort, namespace: string, workflow: KubeObject | undefined) {
  if (!workflow?.metadata) throw invalidArgument('workflow is required');
  return cluster.create('workflows', namespace, { ...workflow, metadata: { ...workflow.metadata, namespace } });
}

/** Creates a Workflow from a WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow. */
export async function submitWorkflow(
  cluster: ClusterPort,
  namespace: string,
  request: { resourceKind: string; resourceName: string; submitOptions?: SubmitOptions },
) {
  const kind = normaliseSubmittableKind(request.resourceKind);
  const plural = kind === 'WorkflowTemplate' ? 'workflowtemplates' : kind === 'CronWorkflow' ? 'cronworkflows' : 'clusterworkflowtemplates';
  const source = await cluster.get(plural, namespace, request.resourceName);
  const workflow = workflowFromSubmittable(kind, source, namespace, request.submitOptions);
  if (request.submitOptions?.dryRun) return workflow;
  return cluster.create('workflows', namespace, workflow);
}
