import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { isApiError } from '@/lib/api-error';
import {
  memoCacheLabel, memoCacheLabelValue, memoCacheProblem, type MemoCacheSnapshot, toMemoCacheEntry, touchedMemoCacheEntry,
} from '@/lib/engine/memoization';
import type { Outputs } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { toKubeTime } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';

interface ConfigMap {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; resourceVersion?: string };
  data?: Record<string, string>;
}

/** Reads and writes ConfigMaps: the cluster's (core API) or embedded mode's store. */
interface ConfigMapAccess {
  get(namespace: string, name: string): Promise<ConfigMap | undefined>;
  create(namespace: string, configMap: ConfigMap): Promise<void>;
  /** Throws StaleConfigMap when it changed since it was read. */
  replace(namespace: string, configMap: ConfigMap): Promise<void>;
}

class StaleConfigMap extends Error {}

/**
 * Memoization caches as Argo keeps them: one ConfigMap per cache, labelled `workflows.argoproj.io/configmap-type:
 * Cache`, one JSON entry per key (nodeID, outputs, creationTimestamp, lastHitTimestamp), so caches Argo wrote work
 * here and the other way round.
 */
export class MemoCaches {
  constructor(private readonly access: ConfigMapAccess) {}

  /** Snapshots of the named caches of one namespace for the engine; a missing ConfigMap is left out (every key misses). */
  async load(namespace: string, names: Iterable<string>): Promise<Record<string, MemoCacheSnapshot>> {
    const snapshots: Record<string, MemoCacheSnapshot> = {};
    for (const name of names) {
      try {
        const configMap = await this.access.get(namespace, name);
        if (!configMap) continue;
        const problem = memoCacheProblem(configMap.metadata.labels);
        snapshots[name] = problem ? { error: problem } : { data: configMap.data ?? {} };
      } catch (error) {
        snapshots[name] = { error: `could not read the memoization cache ${namespace}/${name}: ${(error as Error).message}` };
      }
    }
    return snapshots;
  }

  /** Sets an entry's lastHitTimestamp, as Argo does each time it loads one; a missing entry is left alone. */
  async touch(namespace: string, name: string, key: string, now = new Date()): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.access.get(namespace, name);
      const touched = touchedMemoCacheEntry(existing?.data?.[key], toKubeTime(now));
      if (!existing || touched === undefined || memoCacheProblem(existing.metadata.labels)) return;
      try {
        await this.access.replace(namespace, { ...existing, data: { ...existing.data, [key]: touched } });
        return;
      } catch (error) {
        if (!(error instanceof StaleConfigMap) || attempt >= 4) throw error;
      }
    }
  }

  /** Saves a node's outputs under `key`, creating the ConfigMap when needed; retried when it changed meanwhile. */
  async save(namespace: string, name: string, key: string, nodeId: string, outputs: Outputs, now = new Date()): Promise<void> {
    const value = toMemoCacheEntry(nodeId, outputs, toKubeTime(now));
    for (let attempt = 0; ; attempt++) {
      const existing = await this.access.get(namespace, name);
      try {
        if (!existing) {
          await this.access.create(namespace, { metadata: { name, labels: { [memoCacheLabel]: memoCacheLabelValue } }, data: { [key]: value } });
          return;
        }
        const problem = memoCacheProblem(existing.metadata.labels);
        if (problem) throw new Error(problem);
        // Argo sets the cache label as the ConfigMap's only label when it saves.
        await this.access.replace(namespace, {
          ...existing, metadata: { ...existing.metadata, labels: { [memoCacheLabel]: memoCacheLabelValue } }, data: { ...(existing.data ?? {}), [key]: value },
        });
        return;
      } catch (error) {
        if (!(error instanceof StaleConfigMap) || attempt >= 4) throw error;
      }
    }
  }
}

/** Kubernetes mode: the ConfigMaps of the cluster. */
export function kubeMemoCaches(kubeConfig: KubeConfig): MemoCaches {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const status = (error: unknown) => (error as { code?: number }).code;
  return new MemoCaches({
    async get(namespace, name) {
      try {
        return (await core.readNamespacedConfigMap({ namespace, name })) as ConfigMap;
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },
    async create(namespace, configMap) {
      try {
        await core.createNamespacedConfigMap({ namespace, body: configMap });
      } catch (error) {
        if (status(error) === 409) throw new StaleConfigMap();
        throw error;
      }
    },
    async replace(namespace, configMap) {
      try {
        await core.replaceNamespacedConfigMap({ namespace, name: configMap.metadata.name, body: configMap });
      } catch (error) {
        if (status(error) === 409) throw new StaleConfigMap();
        throw error;
      }
    },
  });
}

/** Embedded mode: ConfigMaps in the embedded store. */
export function storeMemoCaches(cluster: ClusterPort): MemoCaches {
  const stale = (error: unknown) => isApiError(error) && (error.code === 10 || error.code === 6);
  return new MemoCaches({
    async get(namespace, name) {
      try {
        return (await cluster.get('configmaps', namespace, name)) as unknown as ConfigMap;
      } catch (error) {
        if (isApiError(error) && error.code === 5) return undefined;
        throw error;
      }
    },
    async create(namespace, configMap) {
      await cluster.create('configmaps', namespace, { apiVersion: 'v1', kind: 'ConfigMap', ...configMap } as unknown as KubeObject).catch((error: unknown) => {
        throw stale(error) ? new StaleConfigMap() : error;
      });
    },
    async replace(namespace, configMap) {
      await cluster.update('configmaps', namespace, configMap as unknown as KubeObject).catch((error: unknown) => {
        throw stale(error) ? new StaleConfigMap() : error;
      });
    },
  });
}
