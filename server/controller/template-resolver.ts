import type { Template, Workflow, WorkflowSpec } from '@/lib/generated/argo';
import { isApiError } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';

type Ref = { name: string; clusterScope: boolean };

function refsIn(spec: WorkflowSpec | undefined): Ref[] {
  const refs: Ref[] = [];
  if (spec?.workflowTemplateRef?.name) refs.push({ name: spec.workflowTemplateRef.name, clusterScope: spec.workflowTemplateRef.clusterScope === true });
  const visitTemplate = (t: Template) => {
    for (const group of t.steps ?? []) for (const step of group) if (step.templateRef?.name) refs.push({ name: step.templateRef.name, clusterScope: step.templateRef.clusterScope === true });
    for (const task of t.dag?.tasks ?? []) if (task.templateRef?.name) refs.push({ name: task.templateRef.name, clusterScope: task.templateRef.clusterScope === true });
  };
  for (const t of spec?.templates ?? []) visitTemplate(t);
  return refs;
}

/**
 * Fetches every WorkflowTemplate and ClusterWorkflowTemplate a workflow reaches through templateRef and
 * workflowTemplateRef (transitively), so the pure engine can resolve them without I/O.
 */
export async function loadReferencedTemplates(cluster: ClusterPort, workflow: Workflow) {
  const namespace = workflow.metadata.namespace ?? '';
  const found = new Map<string, WorkflowSpec | undefined>();
  const key = (r: Ref) => `${r.clusterScope ? 'cluster' : 'namespaced'}/${r.name}`;
  const queue: Ref[] = [...refsIn(workflow.spec), ...refsIn(workflow.status?.storedWorkflowTemplateSpec)];
  while (queue.length && found.size < 100) {
    const ref = queue.shift()!;
    if (found.has(key(ref))) continue;
    try {
      const object = await cluster.get<KubeObject>(ref.clusterScope ? 'clusterworkflowtemplates' : 'workflowtemplates', namespace, ref.name);
      const spec = object['spec'] as WorkflowSpec | undefined;
      found.set(key(ref), spec);
      queue.push(...refsIn(spec));
    } catch (error) {
      if (!isApiError(error) || error.code !== 5) throw error;
      found.set(key(ref), undefined);
    }
  }
  return (name: string, clusterScope: boolean) => found.get(key({ name, clusterScope }));
}
