import { invalidArgument } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import { filterByNamePattern } from '@/lib/workflows/name-pattern-page';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { toListBody } from './resource-lists';
import { checkValid } from './validation';
import { withInstanceLabel } from './instance-label';

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** `GET /api/v1/workflow-templates/{namespace}`, sorted by name; `namePattern` filters by substring, as argo-server. */
export async function listWorkflowTemplates(cluster: ClusterPort, namespace: string, options: ListOptions, namePattern?: string) {
  if (namePattern) {
    const all = await cluster.list('workflowtemplates', namespace, { labelSelector: options.labelSelector });
    const page = filterByNamePattern(all.items, namePattern, options);
    return toListBody({ ...all, items: page.items.sort(byName), continue: page.continue });
  }
  const list = await cluster.list('workflowtemplates', namespace, options);
  return toListBody({ ...list, items: list.items.sort(byName) });
}

export function getWorkflowTemplate(cluster: ClusterPort, namespace: string, name: string) {
  return cluster.get('workflowtemplates', namespace, name);
}

function inNamespace(template: KubeObject, namespace: string): KubeObject {
  return { ...template, metadata: { ...template.metadata, namespace } };
}

export async function createWorkflowTemplate(cluster: ClusterPort, namespace: string, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('workflow template was not found in the request body');
  await checkValid(cluster, 'WorkflowTemplate', template, namespace, { lint: false });
  return cluster.create('workflowtemplates', namespace, withInstanceLabel(inNamespace(template, namespace)));
}

export async function updateWorkflowTemplate(cluster: ClusterPort, namespace: string, name: string, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('WorkflowTemplate is not found in Request body');
  await checkValid(cluster, 'WorkflowTemplate', template, namespace, { lint: false });
  return cluster.update('workflowtemplates', namespace, inNamespace({ ...template, metadata: { ...template.metadata, name } }, namespace));
}

export async function deleteWorkflowTemplate(cluster: ClusterPort, namespace: string, name: string) {
  await cluster.get('workflowtemplates', namespace, name);
  await cluster.delete('workflowtemplates', namespace, name);
  return {};
}

export async function lintWorkflowTemplate(cluster: ClusterPort, namespace: string, template: KubeObject | undefined) {
  if (!template?.metadata) throw invalidArgument('workflow template was not found in the request body');
  await checkValid(cluster, 'WorkflowTemplate', template, namespace, { lint: true });
  return template;
}
