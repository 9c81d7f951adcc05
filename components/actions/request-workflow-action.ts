import type { WorkflowAction } from '@/lib/workflows/available-actions';
import type { KubeObject } from '@/lib/k8s/object';
import { apiFetch } from '../api-client';

export interface ActionOptions {
  /** `name=value` overrides of the workflow's parameters (retry and resubmit). */
  parameters?: string[];
  /** One node (`id=<node id>`): retry from it, resume it, or stop it. */
  nodeFieldSelector?: string;
}

/** Calls argo-server's endpoint for an action on one workflow; resubmit answers the new workflow. */
export function requestWorkflowAction(baseHref: string, namespace: string, name: string, action: WorkflowAction, options: ActionOptions = {}) {
  const path = `api/v1/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  if (action === 'delete') return apiFetch<unknown>(baseHref, path, { method: 'DELETE' });
  const body: Record<string, unknown> = {};
  if (options.parameters?.length) body['parameters'] = options.parameters;
  if (options.nodeFieldSelector) body['nodeFieldSelector'] = options.nodeFieldSelector;
  // Retrying from a node restarts it even when it succeeded, as Argo's "retry from here".
  if (action === 'retry' && options.nodeFieldSelector) body['restartSuccessful'] = true;
  return apiFetch<KubeObject>(baseHref, `${path}/${action}`, { method: 'PUT', body: JSON.stringify(body) });
}
