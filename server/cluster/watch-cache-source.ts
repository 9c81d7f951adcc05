import type { KubeObject } from '@/lib/k8s/object';
import type { ResourcePlural } from '@/lib/k8s/resource-kinds';
import type { ClusterPort, WatchEvent } from './cluster-port';
import type { KubeCluster } from './kube-cluster';
import type { WatchCacheSource } from './watch-cache';

/**
 * What a WatchCache of `plural` reads, in either mode. Kubernetes: the API server's paged list and its resumable
 * watch, relisting after an expired version. Embedded: the store's list and its in-process watch, which never drops
 * an event; the watch is opened before the list, and what it saw meanwhile is replayed after it (the cache keeps
 * only what is newer, and deletes only the uid it holds, so a replayed event never undoes the list).
 */
export function watchCacheSourceFor<T extends KubeObject>(cluster: ClusterPort, plural: ResourcePlural): WatchCacheSource<T> {
  // By name, not instanceof: see server/auth/cluster-for-request.ts.
  if (cluster.name === 'kubernetes') {
    const kube = cluster as KubeCluster;
    return {
      listAll: (namespace) => kube.listAll<T>(plural, namespace),
      watchFrom: (namespace, from, onEvent, onRelisted, signal) => kube.watchFrom<T>(plural, namespace, from, onEvent, onRelisted, signal),
    };
  }
  const opened = new Map<string, { seen: WatchEvent<T>[]; forward?: (event: WatchEvent<T>) => void; abort: AbortController }>();
  return {
    async listAll(namespace) {
      opened.get(namespace)?.abort.abort();
      const watch: { seen: WatchEvent<T>[]; forward?: (event: WatchEvent<T>) => void; abort: AbortController } = { seen: [], abort: new AbortController() };
      opened.set(namespace, watch);
      await cluster.watch<T>(plural, namespace, (event) => (watch.forward ? watch.forward(event) : watch.seen.push(event)), watch.abort.signal);
      try {
        return await cluster.list<T>(plural, namespace);
      } catch (error) {
        watch.abort.abort();
        opened.delete(namespace);
        throw error;
      }
    },
    async watchFrom(namespace, _from, onEvent, _onRelisted, signal) {
      const watch = opened.get(namespace);
      if (!watch) throw new Error(`watchFrom(${plural}, "${namespace}") without listAll first`);
      signal.addEventListener('abort', () => {
        watch.abort.abort();
        if (opened.get(namespace) === watch) opened.delete(namespace);
      }, { once: true });
      for (const event of watch.seen.splice(0)) onEvent(event);
      watch.forward = onEvent;
    },
  };
}
