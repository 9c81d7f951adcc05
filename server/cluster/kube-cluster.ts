import {
  AuthenticationV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, Watch,
} from '@kubernetes/client-node';
import type { EventCountPatch, KubeEventBody } from '@/lib/k8s/kube-event';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { inflateCompressedNodes } from '@/lib/workflows/compressed-nodes';
import { type ResourcePlural, resourceKinds } from '@/lib/k8s/resource-kinds';
import type { ClusterPort, ListOptions, Listed, ObjectList, WatchEvent } from './cluster-port';
import { listedAsIs, packObject } from './listed-object';
import { ApiReachability, isUnreachable } from './api-reachability';
import { fromKubeError } from './kube-errors';
import { withPooledAgents } from './pooled-agents';
import { sendKubeWrite } from './kube-write';
import { retryThrottled } from './retry-throttled';
import { WatchCache } from './watch-cache';
import { isParsableLabelSelector } from '@/lib/k8s/label-selector';
import { ApiError, GrpcCode } from '@/lib/api-error';

/** Loads a kubeconfig from a path, or in-cluster, or from the default locations, in that order. */
export function loadKubeConfig(path?: string): KubeConfig {
  const config = new KubeConfig();
  if (path) config.loadFromFile(path);
  else if (process.env.KUBERNETES_SERVICE_HOST) config.loadFromCluster();
  else config.loadFromDefault();
  return config;
}

// Workflows Argo's controller wrote with `status.compressedNodes` are read with their nodes in `status.nodes`, so
// the API, the dashboard and Capstan's controller all see one shape (and a save writes them back uncompressed).
const inflate = <T extends KubeObject>(object: T): T => inflateCompressedNodes(object as unknown as Workflow) as unknown as T;
// In lists and watches one undecodable workflow must not hide the others: it stays as it was.
const inflateLeniently = <T extends KubeObject>(object: T): T => {
  try {
    return inflate(object);
  } catch {
    return object;
  }
};

/** The Kubernetes adapter: Argo's custom resources in a real cluster through @kubernetes/client-node. */
export class KubeCluster implements ClusterPort {
  readonly name = 'kubernetes' as const;
  private readonly api: CustomObjectsApi;
  private readonly core: CoreV1Api;
  /** Whether the API server answers; shared with everything else of this process that talks to it. */
  readonly reachability: ApiReachability;

  /**
   * Workflows listed and watched from one shared watch per namespace (docs/api.md, "Speed"); undefined when this
   * adapter reads the API server for each call.
   */
  readonly workflowCache?: WatchCache<KubeObject>;
  /** Who the cache serves: Capstan's own identity, or a caller whose right to list is asked first. */
  private readonly cacheReader?: 'self' | 'caller';
  /** Adapters acting as callers' tokens, by `scheme token` (asCaller). */
  private readonly callers = new Map<string, { cluster: KubeCluster; expires: number }>();

  /**
   * `options.cacheWorkflows`: this adapter (Capstan's own identity) keeps the shared workflow cache;
   * `options.sharedCache`: a caller's adapter reads through Capstan's cache after the API server has said the caller
   * may list there.
   */
  constructor(
    readonly kubeConfig: KubeConfig,
    reachability?: ApiReachability,
    options: { cacheWorkflows?: boolean; sharedCache?: WatchCache<KubeObject> } = {},
  ) {
    this.api = withPooledAgents(kubeConfig).makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.reachability = reachability ?? new ApiReachability(undefined, kubeConfig.getCurrentCluster()?.server);
    if (options.sharedCache) {
      this.workflowCache = options.sharedCache;
      this.cacheReader = 'caller';
    } else if (options.cacheWorkflows) {
      // Packed: a namespace's workflows held as summaries and compressed JSON, not parsed objects (docs/api.md, "Speed").
      this.workflowCache = new WatchCache<KubeObject>({
        listAll: (namespace, hold) => this.listAll('workflows', namespace, hold),
        watchFrom: (namespace, from, onEvent, onRelisted, signal) => this.watchFrom('workflows', namespace, from, onEvent, onRelisted, signal),
      }, { hold: packObject });
      this.cacheReader = 'self';
    }
  }

  private coordinates(plural: ResourcePlural) {
    const { group, version } = resourceKinds[plural];
    // Core kinds (ConfigMaps) are embedded mode's; kubernetes mode reads them with the core API where needed.
    if (!group) throw new Error(`${plural} are not custom resources: use the core API`);
    return { group, version, plural };
  }

  private async call<R>(request: () => Promise<R>): Promise<R> {
    try {
      const result = await retryThrottled(request);
      this.reachability.succeeded();
      return result;
    } catch (error) {
      const apiError = fromKubeError(error);
      if (isUnreachable(apiError)) this.reachability.failed('request', apiError);
      throw apiError;
    }
  }

  async get<T extends KubeObject>(plural: ResourcePlural, namespace: string, name: string): Promise<T> {
    const c = this.coordinates(plural);
    const object: T = await this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.getNamespacedCustomObject({ ...c, namespace, name })
        : this.api.getClusterCustomObject({ ...c, name }),
    );
    return plural === 'workflows' ? inflate(object) : object;
  }

  async list<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    const cached = await this.listCached<T>(plural, namespace, options);
    if (cached) return { items: cached.items.map((held) => held.read()), resourceVersion: cached.resourceVersion };
    return this.listFromServer(plural, namespace, options);
  }

  async listSummaries<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: { labelSelector?: string } = {}): Promise<ObjectList<Listed<T>>> {
    const cached = await this.listCached<T>(plural, namespace, options);
    if (cached) return cached;
    const { items, resourceVersion } = await this.listFromServer<T>(plural, namespace, options);
    return { items: items.map(listedAsIs), resourceVersion };
  }

  /** The workflow cache's answer, or undefined when this list is for the API server to answer. */
  private async listCached<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions): Promise<ObjectList<Listed<T>> | undefined> {
    const cache = plural === 'workflows' && !options.limit && !options.continue ? this.workflowCache : undefined;
    // While the API server is known to be down the cache is not served: it would answer with a stale list as if all
    // were well. The API server is asked instead, and its absence answered with Argo's 503 (docs/kubernetes-mode.md).
    if (cache && isParsableLabelSelector(options.labelSelector) && this.reachability.reachable) {
      if (this.cacheReader === 'caller') await this.mayList(plural, namespace);
      try {
        return await cache.listSummaries(namespace, options.labelSelector) as ObjectList<Listed<T>>;
      } catch (error) {
        if (this.cacheReader !== 'caller') throw error;
      }
    }
    return undefined;
  }

  private async listFromServer<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions): Promise<ObjectList<T>> {
    const c = this.coordinates(plural);
    const query = { labelSelector: options.labelSelector, limit: options.limit, _continue: options.continue };
    const result = await this.call(() =>
      resourceKinds[plural].namespaced && namespace
        ? this.api.listNamespacedCustomObject({ ...c, namespace, ...query })
        : this.api.listClusterCustomObject({ ...c, ...query }),
    );
    return {
      items: plural === 'workflows' ? (result.items as T[]).map(inflateLeniently) : result.items as T[],
      resourceVersion: result.metadata?.resourceVersion ?? '',
      ...(result.metadata?.continue ? { continue: result.metadata.continue as string } : {}),
    };
  }

  async create<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const c = this.coordinates(plural);
    const { group, version } = resourceKinds[plural];
    const body = { ...object, apiVersion: `${group}/${version}`, kind: resourceKinds[plural].kind };
    const created: T = await this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.createNamespacedCustomObject({ ...c, namespace: namespace || object.metadata.namespace || '', body })
        : this.api.createClusterCustomObject({ ...c, body }),
    );
    return this.wrote(plural, 'ADDED', created);
  }

  async update<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const c = this.coordinates(plural);
    const name = object.metadata.name ?? '';
    const updated: T = await this.call(() =>
      resourceKinds[plural].namespaced
        ? this.api.replaceNamespacedCustomObject({ ...c, namespace: namespace || object.metadata.namespace || '', name, body: object })
        : this.api.replaceClusterCustomObject({ ...c, name, body: object }),
    );
    return this.wrote(plural, 'MODIFIED', updated);
  }

  /**
   * A workflow this process wrote goes into the shared cache at once, so the writer's next list has it. The cache
   * packs it at once (callers may go on changing what they were given); inflating compressed nodes makes a new
   * status, never changing the caller's.
   */
  private wrote<T extends KubeObject>(plural: ResourcePlural, type: 'ADDED' | 'MODIFIED', object: T): T {
    if (plural === 'workflows' && this.workflowCache) this.workflowCache.wrote({ type, object: inflateLeniently(object) as KubeObject });
    return object;
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
   * Workflows are watched through the shared cache when this adapter has one (one watch for every reader).
   */
  async watch<T extends KubeObject>(
    plural: ResourcePlural,
    namespace: string,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const cache = plural === 'workflows' ? this.workflowCache : undefined;
    if (cache) {
      if (this.cacheReader === 'caller') await this.mayList(plural, namespace);
      try {
        return await cache.watch(namespace, onEvent as (event: WatchEvent<KubeObject>) => void, signal);
      } catch (error) {
        // Capstan's own identity may not reach where the caller may: the caller's own watch then.
        if (this.cacheReader !== 'caller') throw error;
      }
    }
    const resourceVersion = (await this.list(plural, namespace, { limit: 1 })).resourceVersion;
    await this.watchFrom(plural, namespace, resourceVersion, onEvent, (listed) => {
      for (const object of listed.items) onEvent({ type: 'MODIFIED', object });
    }, signal);
  }

  /** Throws the caller's own error (403) when the caller may not list `plural` there: asked of the API server. */
  private async mayList(plural: ResourcePlural, namespace: string): Promise<void> {
    await this.list(plural, namespace, { limit: 1 });
  }

  /** Every object of a scope, in pages of 500 from one snapshot. */
  listAll<T extends KubeObject>(plural: ResourcePlural, namespace: string): Promise<ObjectList<T>>;
  /** Every object of a scope, in pages of 500 from one snapshot, each page's objects mapped by `as` as it comes. */
  listAll<T extends KubeObject, R>(plural: ResourcePlural, namespace: string, as: (object: T) => R): Promise<ObjectList<R>>;
  async listAll<T extends KubeObject, R>(plural: ResourcePlural, namespace: string, as?: (object: T) => R): Promise<ObjectList<R | T>> {
    const map = (objects: T[]) => (as ? objects.map(as) : objects);
    const first = await this.list<T>(plural, namespace, { limit: 500 });
    const items: (R | T)[] = map(first.items);
    let next = first.continue;
    while (next) {
      const page = await this.list<T>(plural, namespace, { limit: 500, continue: next });
      for (const item of map(page.items)) items.push(item);
      next = page.continue;
    }
    return { items, resourceVersion: first.resourceVersion };
  }

  /** The watch from `resourceVersion`; after an expired version (410) the whole new list goes to `onRelisted`. */
  async watchFrom<T extends KubeObject>(
    plural: ResourcePlural,
    namespace: string,
    from: string,
    onEvent: (event: WatchEvent<T>) => void,
    onRelisted: (list: ObjectList<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const { group, version, namespaced } = resourceKinds[plural];
    const path = namespaced && namespace
      ? `/apis/${group}/${version}/namespaces/${namespace}/${plural}`
      : `/apis/${group}/${version}/${plural}`;
    const watcher = new Watch(this.kubeConfig);
    let resourceVersion = from;
    let current: AbortController | undefined;
    let failures = 0;
    signal.addEventListener('abort', () => current?.abort(), { once: true });
    const relist = async () => {
      const listed = await this.listAll<T>(plural, namespace);
      resourceVersion = listed.resourceVersion;
      onRelisted(listed);
    };
    // A watch the API server ended cleanly reconnects at once; after a failure each retry waits longer (1 s
    // doubling to 30 s) so a dead API server is not hammered, and the outage is logged once by `reachability`.
    const retry = (error: unknown, gone: boolean) => {
      if (signal.aborted) return;
      const delay = error ? this.reachability.failed(`watch ${plural}`, fromKubeError(error), ++failures) : 0;
      setTimeout(() => {
        (gone ? relist() : Promise.resolve()).then(connect, (relistError: unknown) => retry(relistError, true));
      }, delay).unref?.();
    };
    const connect = async (): Promise<void> => {
      if (signal.aborted) return;
      let expired = false;
      // The client reports a failed connection through the done callback and still resolves: only a watch that has
      // not ended by then is connected.
      let ended = false;
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
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') onEvent({ type, object: plural === 'workflows' ? inflateLeniently(object) : object });
          },
          (error: unknown) => {
            ended = true;
            retry(error, expired || (error as { code?: number } | undefined)?.code === 410);
          },
        );
        if (!ended) {
          failures = 0;
          this.reachability.succeeded();
        }
      } catch (error) {
        // After an outage the version may have expired: relist before watching again.
        retry(error ?? new Error('watch failed'), true);
      }
    };
    await connect();
  }

  // Events are plain writes (as pod creations): a burst of a thousand workflows records thousands, and each through
  // client-node's model classes cost enough to fill the recorder's queue (docs/kubernetes-mode.md, "Kubernetes Events").
  async recordEvent(event: KubeEventBody): Promise<void> {
    const path = `/api/v1/namespaces/${encodeURIComponent(event.metadata.namespace)}/events`;
    await this.call(() => sendKubeWrite(this.kubeConfig, 'POST', path, event));
  }

  async patchEvent(namespace: string, name: string, patch: EventCountPatch): Promise<void> {
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/events/${encodeURIComponent(name)}`;
    await this.call(() => sendKubeWrite(this.kubeConfig, 'PATCH', path, patch, PatchStrategy.MergePatch));
  }

  /**
   * An adapter acting as a caller's token (client auth mode, SSO RBAC), reading workflows through this one's shared
   * cache. Kept a minute per token: a KubeConfig per request would redo the TLS set-up each time.
   *
   * Route handlers reach the Kubernetes client only through methods of the runtime's adapter (this one, and
   * `reviewSelf`, `watchPath`), never by importing `@kubernetes/client-node`: the server bundle carries the part of
   * the client it uses, and a route handler importing the package would load all of it a second time (~40 MiB;
   * docs/architecture.md).
   */
  asCaller(scheme: 'Bearer' | 'Basic', token: string): KubeCluster {
    const key = `${scheme} ${token}`;
    const cached = this.callers.get(key);
    if (cached && cached.expires > Date.now()) return cached.cluster;
    const current = this.kubeConfig.getCurrentCluster();
    if (!current) throw new ApiError(GrpcCode.Internal, 'no current cluster in the kubeconfig');
    const config = new KubeConfig();
    const user = scheme === 'Bearer'
      ? { name: 'caller', token }
      : (() => {
          const [username = '', password = ''] = Buffer.from(token, 'base64').toString('utf8').split(/:(.*)/s);
          return { name: 'caller', username, password };
        })();
    config.loadFromOptions({
      clusters: [current],
      users: [user],
      contexts: [{ name: 'caller', cluster: current.name, user: 'caller' }],
      currentContext: 'caller',
    });
    // The caller reads workflows through Capstan's shared watch once the API server says it may list them.
    const cluster = new KubeCluster(config, undefined, { sharedCache: this.workflowCache });
    for (const [k, v] of this.callers) if (v.expires <= Date.now()) this.callers.delete(k);
    this.callers.set(key, { cluster, expires: Date.now() + 60_000 });
    return cluster;
  }

  /** The Kubernetes user this adapter's credentials belong to (a SelfSubjectReview, so a forged token names nobody). */
  async reviewSelf(): Promise<string | undefined> {
    const api = this.kubeConfig.makeApiClient(AuthenticationV1Api);
    const review = await api.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } }).catch((error: unknown) => {
      throw fromKubeError(error);
    });
    return review.status?.userInfo?.username;
  }

  /** A plain Kubernetes watch of an API path (e.g. core Events) as this adapter's identity; abort the result to end it. */
  watchPath(path: string, query: Record<string, string>, onEvent: (type: string, object: unknown) => void, onDone: (error: unknown) => void): Promise<{ abort: () => void }> {
    return new Watch(this.kubeConfig).watch(path, query, onEvent, onDone);
  }

  async close(): Promise<void> {
    if (this.cacheReader === 'self') this.workflowCache?.close();
  }
}

