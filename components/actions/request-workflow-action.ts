import type { WorkflowAction } from '@/lib/workflows/available-actions';
import type { KubeObject } from '@/lib/k8s/object';
import { ApiRequestError, apiFetch } from '../api-client';

export interface ActionOptions {
  /** `name=value` overrides of the workflow's parameters (retry and resubmit). */
  parameters?: string[];
  /** One node (`id=<node id>`): retry from it, resume it, or stop it. */
  nodeFieldSelector?: string;
  /** Delete: the workflow has a copy in the archive (its uid), and whether to delete that copy too. */
  archive?: { uid: string; alsoArchive: boolean };
}

/**
 * Deletes a workflow from the cluster and, when asked, its archived copy. A workflow listed from the archive may
 * be gone from the cluster already (404): then the archived copy is what the user sees, and it is deleted, as
 * Argo's UI deletes a workflow that is only in the archive.
 */
async function deleteWorkflow(baseHref: string, namespace: string, path: string, archive: ActionOptions['archive']) {
  let inCluster = true;
  try {
    await apiFetch<unknown>(baseHref, path, { method: 'DELETE' });
  } catch (error) {
    if (!(archive && error instanceof ApiRequestError && error.status === 404)) throw error;
    inCluster = false;
  }
  if (archive && (archive.alsoArchive || !inCluster)) {
    await apiFetch<unknown>(baseHref, `api/v1/archived-workflows/${encodeURIComponent(archive.uid)}?namespace=${encodeURIComponent(namespace)}`, { method: 'DELETE' });
  }
  return {};
}

/** Calls argo-server's endpoint for an action on one workflow; resubmit answers the new workflow. */
export function requestWorkflowAction(baseHref: string, namespace: string, name: string, action: WorkflowAction, options: ActionOptions = {}) {
  const path = `api/v1/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  if (action === 'delete') return deleteWorkflow(baseHref, namespace, path, options.archive);
  const body: Record<string, unknown> = {};
  if (options.parameters?.length) body['parameters'] = options.parameters;
  if (options.nodeFieldSelector) body['nodeFieldSelector'] = options.nodeFieldSelector;
  // Retrying from a node restarts it even when it succeeded, as Argo's "retry from here".
  if (action === 'retry' && options.nodeFieldSelector) body['restartSuccessful'] = true;
  return apiFetch<KubeObject>(baseHref, `${path}/${action}`, { method: 'PUT', body: JSON.stringify(body) });
}
