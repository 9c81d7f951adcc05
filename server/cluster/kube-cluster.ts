import { CustomObjectsApi, KubeConfig, Watch } from '@kubernetes/client-node';
import type { KubeObject } from '@/lib/k8s/object';
import { type ResourcePlural, resourceKinds } from '@/lib/k8s/resource-kinds';
import type { ClusterPort, ListOptions, ObjectList, WatchEvent } from './cluster-port';
import { fromKubeError } from './kube-errors';

/** Loads a kubeconfig from a path, or in-cluster, or from the default locations, in that order. */
export function loadKubeConfig(path?: string): KubeConfig {
  const config = new KubeConfig();
  if (path) config.loadFromFile(path);
  else if (process.env.KUBERNETES_SERVICE_HOST) config.loadFromCluster();
  else config.loadFromDefault();
  return config;
}

/** The Kubernetes adapter: Argo's custom resources in a real cluster through @kubernetes/client-node. */
export class KubeCluster implements ClusterPort {
  readonly name = 'kubernetes' as const;
  private readonly api: CustomObjectsApi;

  constructor(readonly kubeConfig: KubeConfig) {
    this.api = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  private coordinates(plural: ResourcePlural) {
    const { group, version } = resourceKinds[plural];
    return { group, version, plural };
  }

  private async call<R>(request: () => Promise<R>): Promise<R> {
    try {
      return await request();
    } catch (error) {
      throw fromKubeError(error);
    }
  }

  get<T extends KubeObject>(plural: ResourcePlural, namespace: string, name: string): Promise<T> {
    const c = this.coordinates(plural);
    return this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.getNamespacedCustomObject({ ...c, namespace, name })
        : this.api.getClusterCustomObject({ ...c, name }),
    );
  }

  async list<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    const c = this.coordinates(plural);
    const query = { labelSelector: options.labelSelector, limit: options.limit, _continue: options.continue };
    const result = await this.call(() =>
      resourceKinds[plural].namespaced && namespace
        ? this.api.listNamespacedCustomObject({ ...c, namespace, ...query })
        : this.api.listClusterCustomObject({ ...c, ...query }),
    );
    return {
      items: result.items as T[],
      resourceVersion: result.metadata?.resourceVersion ?? '',
      ...(result.metadata?.continue ? { continue: result.metadata.continue as string } : {}),
    };
  }

  create<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const c = this.coordinates(plural);
    const { group, version } = resourceKinds[plural];
    const body = { ...object, apiVersion: `${group}/${version}`, kind: resourceKinds[plural].kind };
    return this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.createNamespacedCustomObject({ ...c, namespace: namespace || object.metadata.namespace || '', body })
        : this.api.createClusterCustomObject({ ...c, body }),
    );
  }

  update<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const c = this.coordinates(plural);
    const name = object.metadata.name ?? '';
    return this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.replaceNamespacedCustomObject({ ...c, namespace: namespace || object.metadata.namespace || '', name, body: object })
        : this.api.replaceClusterCustomObject({ ...c, name, body: object }),
    );
  }

  async delete(plural: ResourcePlural, namespace: string, name: string): Promise<void> {
    const c = this.coordinates(plural);
    await this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.deleteNamespacedCustomObject({ ...c, namespace, name })
        : this.api.deleteClusterCustomObject({ ...c, name }),
    );
  }

  async watch<T extends KubeObject>(
    plural: ResourcePlural,
    namespace: string,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const { group, version, namespaced } = resourceKinds[plural];
    const path = namespaced && namespace
      ? `/apis/${group}/${version}/namespaces/${namespace}/${plural}`
      : `/apis/${group}/${version}/${plural}`;
    const watcher = new Watch(this.kubeConfig);
    const request = await watcher.watch(
      path,
      { allowWatchBookmarks: false },
      (type, object) => {
        if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') onEvent({ type, object: object as T });
      },
      () => {},
    );
    signal.addEventListener('abort', () => request.abort(), { once: true });
  }

  async close(): Promise<void> {}
}
