import { ApiError, GrpcCode, toApiError } from '@/lib/api-error';
import { belongsToInstance } from '@/lib/controller/instance-id';
import { bindingMatches, eventEnvironment, workflowForBinding } from '@/lib/events/dispatch-event';
import type { WorkflowEventBinding, WorkflowSpec } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import { findRuntime } from '../runtime';
import { toListBody } from './resource-lists';

type BindingObject = WorkflowEventBinding & KubeObject;

const instanceID = () => findRuntime()?.controllerConfig?.().instanceID ?? '';

/** `GET /api/v1/workflow-event-bindings/{namespace}`. */
export async function listWorkflowEventBindings(cluster: ClusterPort, namespace: string, options: ListOptions) {
  return toListBody(await cluster.list('workfloweventbindings', namespace, options));
}

/**
 * `POST /api/v1/events/{namespace}/{discriminator}` (EventService.ReceiveEvent), dispatched at once as argo-server
 * does by default: every WorkflowEventBinding of the namespace (and this instance) whose `event.selector` matches the
 * event submits its WorkflowTemplate with parameters taken from the event. Failures are collected and reported
 * together, after every binding had its turn.
 */
export async function receiveEvent(
  cluster: ClusterPort,
  namespace: string,
  discriminator: string,
  payload: unknown,
  headers: Headers,
): Promise<Record<string, never>> {
  const metadata: Record<string, string[]> = {};
  headers.forEach((value, key) => {
    if (key.toLowerCase().startsWith('x-')) metadata[key.toLowerCase()] = [value];
  });
  const env = eventEnvironment({ namespace, discriminator, payload, metadata });
  const id = instanceID();
  const bindings = (await cluster.list<BindingObject>('workfloweventbindings', namespace)).items.filter((b) => belongsToInstance(b.metadata.labels, id));
  const errors: string[] = [];
  for (const binding of bindings) {
    try {
      if (!bindingMatches(binding, env) || !binding.spec.submit) continue;
      const ref = binding.spec.submit.workflowTemplateRef;
      const clusterScope = ref.clusterScope === true;
      let template: KubeObject;
      try {
        template = await cluster.get(clusterScope ? 'clusterworkflowtemplates' : 'workflowtemplates', namespace, ref.name ?? '');
      } catch (error) {
        throw new Error(`failed to get workflow template: ${toApiError(error).message}`);
      }
      if (!belongsToInstance(template.metadata.labels, id)) {
        throw new Error(`failed to validate workflow template instanceid: '${ref.name}' is not managed by the current Argo Server`);
      }
      const workflow = workflowForBinding(binding, env, {
        name: ref.name ?? '', clusterScope, spec: template['spec'] as WorkflowSpec | undefined,
      }, id);
      try {
        await cluster.create('workflows', namespace, workflow as unknown as KubeObject);
      } catch (error) {
        throw new Error(`failed to create workflow: ${toApiError(error).message}`);
      }
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length) throw new ApiError(GrpcCode.Internal, `failed to dispatch event: [${errors.join(' ')}]`);
  return {};
}
