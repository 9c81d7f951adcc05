import type { KubeObject } from '@/lib/k8s/object';
import type { ResourcePlural } from '@/lib/k8s/resource-kinds';
import type { ClusterPort, Listed, ObjectList, WatchEvent } from './cluster-port';
import type { KubeCluster } from './kube-cluster';
import type { WatchCacheSource } from './watch-cache';

/**
 * What a WatchCache of `plural` reads, in either mode. Kubernetes: the API server's paged list and its resumable
 * watch, relisting after an expired version. Embedded: the store's list and its in-process watch (see
 * `inProcessWatchCacheSource`).
 */
export function watchCacheSourceFor<T extends KubeObject>(cluster: ClusterPort, plural: ResourcePlural): WatchCacheSource<T> {
  // By name, not instanceof: see server/auth/cluster-for-request.ts.
  if (cluster.name === 'kubernetes') {
    const kube = cluster as KubeCluster;
    return {
      listAll: (namespace, hold) => kube.listAll<T, Listed<T>>(plural, namespace, hold),
      watchFrom: (namespace, from, onEvent, onRelisted, signal) => kube.watchFrom<T>(plural, namespace, from, onEvent, onRelisted, signal),
    };
  }
  return inProcessWatchCacheSource<T>(
    (namespace) => cluster.list<T>(plural, namespace),
    (namespace, onEvent, signal) => cluster.watch<T>(plural, namespace, onEvent, signal),
  );
}

type ListStored<T extends KubeObject> = (namespace: string) => Promise<ObjectList<T>>;
type WatchStored<T extends KubeObject> = (namespace: string, onEvent: (event: WatchEvent<T>) => void, signal: AbortSignal) => Promise<void>;

/**
 * A cache source over a store in this process, whose watch never drops an event: the watch is opened before the
 * list, and what it saw meanwhile is replayed after it (the cache keeps only what is newer, and deletes only the uid
 * it holds, so a replayed event never undoes the list).
 */
export function inProcessWatchCacheSource<T extends KubeObject>(list: ListStored<T>, watch: WatchStored<T>): WatchCacheSource<T> {
  interface OpenWatch { seen: WatchEvent<T>[]; forward?: (event: WatchEvent<T>) => void; abort: AbortController }
  const opened = new Map<string, OpenWatch>();
  return {
    async listAll(namespace, hold) {
      opened.get(namespace)?.abort.abort();
      const open: OpenWatch = { seen: [], abort: new AbortController() };
      opened.set(namespace, open);
      await watch(namespace, (event) => (open.forward ? open.forward(event) : open.seen.push(event)), open.abort.signal);
      try {
        const { items, resourceVersion } = await list(namespace);
        return { items: items.map(hold), resourceVersion };
      } catch (error) {
        open.abort.abort();
        opened.delete(namespace);
        throw error;
      }
    },
    async watchFrom(namespace, _from, onEvent, _onRelisted, signal) {
      const open = opened.get(namespace);
      if (!open) throw new Error(`watchFrom("${namespace}") without listAll first`);
      signal.addEventListener('abort', () => {
        open.abort.abort();
        if (opened.get(namespace) === open) opened.delete(namespace);
      }, { once: true });
      for (const event of open.seen.splice(0)) onEvent(event);
      open.forward = onEvent;
    },
  };
}
