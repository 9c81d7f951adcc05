import { invalidArgument } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { toListBody } from './resource-lists';

export async function listWorkflowTemplates(cluster: ClusterPort, namespace: string, options: ListOptions) {
  return toListBody(await cluster.list('workflowtemplates', namespace, options));
}

export function getWorkflowTemplate(cluster: ClusterPort, namespace: string, name: string) {
  return cluster.get('workflowtemplates', namespace, name);
}

export async function createWorkflowTemplate(cluster: ClusterPort, namespace: string, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('template is required');
  return cluster.create('workflowtemplates', namespace, { ...template, metadata: { ...template.metadata, namespace } });
}
