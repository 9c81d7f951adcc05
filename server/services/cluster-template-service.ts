import { invalidArgument } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { toListBody } from './resource-lists';
import { checkValid } from './validation';
import { withInstanceLabel } from './instance-label';

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

export async function listClusterWorkflowTemplates(cluster: ClusterPort, options: ListOptions) {
  const list = await cluster.list('clusterworkflowtemplates', '', options);
  return toListBody({ ...list, items: list.items.sort(byName) });
}

export function getClusterWorkflowTemplate(cluster: ClusterPort, name: string) {
  return cluster.get('clusterworkflowtemplates', '', name);
}

export async function createClusterWorkflowTemplate(cluster: ClusterPort, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('cluster workflow template was not found in the request body');
  await checkValid(cluster, 'ClusterWorkflowTemplate', template, '', { lint: false });
  return cluster.create('clusterworkflowtemplates', '', withInstanceLabel(template));
}

export async function updateClusterWorkflowTemplate(cluster: ClusterPort, name: string, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('ClusterWorkflowTemplate is not found in Request body');
  await checkValid(cluster, 'ClusterWorkflowTemplate', template, '', { lint: false });
  return cluster.update('clusterworkflowtemplates', '', { ...template, metadata: { ...template.metadata, name } });
}

export async function deleteClusterWorkflowTemplate(cluster: ClusterPort, name: string) {
  await cluster.get('clusterworkflowtemplates', '', name);
  await cluster.delete('clusterworkflowtemplates', '', name);
  return {};
}

export async function lintClusterWorkflowTemplate(cluster: ClusterPort, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('cluster workflow template was not found in the request body');
  await checkValid(cluster, 'ClusterWorkflowTemplate', template, '', { lint: true });
  return template;
}
