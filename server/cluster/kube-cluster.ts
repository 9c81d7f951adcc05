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
    // Core kinds (ConfigMaps) are embedded mode's; kubernetes mode reads them with the core API where needed.
    if (!group) throw new Error(`${plural} are not custom resources: use the core API`);
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

  /**
   * Watches until `signal` aborts, reconnecting from the last resourceVersion seen when the API server ends the
   * watch (it does every few minutes), and relisting when that version has expired (410 Gone). After a relist
   * every current object is reported as MODIFIED: consumers are level-triggered, so a repeat is harmless.
   */
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
    let resourceVersion = (await this.list(plural, namespace, { limit: 1 })).resourceVersion;
    let current: AbortController | undefined;
    signal.addEventListener('abort', () => current?.abort(), { once: true });
    const relist = async () => {
      const listed = await this.list<T>(plural, namespace);
      resourceVersion = listed.resourceVersion;
      for (const object of listed.items) onEvent({ type: 'MODIFIED', object });
    };
    const connect = async (): Promise<void> => {
      if (signal.aborted) return;
      let expired = false;
      try {
        current = await watcher.watch(
          path,
          { allowWatchBookmarks: true, resourceVersion },
          (type, object: T & { code?: number }) => {
            if (type === 'ERROR') {
              if (object.code === 410) expired = true;
              return;
            }
            const version = object.metadata?.resourceVersion;
            if (version) resourceVersion = version;
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') onEvent({ type, object });
          },
          (error: unknown) => {
            if (signal.aborted) return;
            const gone = expired || (error as { code?: number } | undefined)?.code === 410;
            setTimeout(() => {
              (gone ? relist() : Promise.resolve()).then(connect, () => setTimeout(() => void connect(), 1000));
            }, error ? 1000 : 0);
          },
        );
      } catch {
        if (!signal.aborted) setTimeout(() => void connect(), 1000);
      }
    };
    await connect();
  }

  async close(): Promise<void> {}
}
