import { GrpcCode, isApiError } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { ResourcePlural } from '@/lib/k8s/resource-kinds';
import type { ClusterPort } from '../cluster/cluster-port';

const attempts = 5;

/**
 * Reads an object, applies `change` and writes the result, starting again on a conflict (the controller writes
 * status concurrently), as Argo's retry-on-conflict loops. `change` returning undefined means nothing to write.
 */
export async function changeResource<T extends KubeObject>(
  cluster: ClusterPort,
  plural: ResourcePlural,
  namespace: string,
  name: string,
  change: (current: T) => T | undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await cluster.get<T>(plural, namespace, name);
    const changed = change(current);
    if (!changed) return current;
    try {
      return await cluster.update<T>(plural, namespace, changed);
    } catch (error) {
      if (attempt < attempts && isApiError(error) && error.code === GrpcCode.Aborted) continue;
      throw error;
    }
  }
}
