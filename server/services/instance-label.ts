import { withInstanceId } from '@/lib/controller/instance-id';
import type { KubeObject } from '@/lib/k8s/object';
import { findRuntime } from '../runtime';

/**
 * An object the API creates, labelled with the controller configuration's `instanceID` (or with that label removed
 * when there is none), as argo-server's instanceid service labels what it creates; otherwise this Capstan's
 * controller, which only takes objects of its instance, would ignore it.
 */
export function withInstanceLabel<T extends object>(object: T): T {
  const instanceID = findRuntime()?.controllerConfig?.().instanceID ?? '';
  const metadata = (object as unknown as KubeObject).metadata ?? {};
  const labels = withInstanceId(metadata.labels as Record<string, string> | undefined, instanceID);
  return { ...object, metadata: { ...metadata, ...(labels ? { labels } : {}) } };
}
