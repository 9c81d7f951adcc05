import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';

/** Reads ConfigMaps' data in a cluster (semaphore limits); undefined when it is missing or unreadable. */
export function kubeConfigMapReader(kubeConfig: KubeConfig) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  return async (namespace: string, name: string): Promise<Record<string, string> | undefined> => {
    try {
      return (await core.readNamespacedConfigMap({ namespace, name })).data ?? {};
    } catch {
      return undefined;
    }
  };
}
