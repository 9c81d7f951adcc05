import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import type { ConfigMapData } from '@/lib/artifacts/resolve-repository';

/** Where ConfigMaps and Secrets come from: the cluster in kubernetes mode, a folder of manifests in embedded mode. */
export interface ConfigSource {
  /** Undefined when it does not exist. */
  configMap(namespace: string, name: string): Promise<ConfigMapData | undefined>;
  /** The Secret's values, decoded; undefined when it does not exist. */
  secret(namespace: string, name: string): Promise<Record<string, string> | undefined>;
}

/**
 * Reads ConfigMaps and Secrets from the Kubernetes API. A ConfigMap read is shared by every caller for `configMapTtlMs`
 * (default 2 s): each new workflow's first reconcile reads the artifact repository ConfigMaps, and 1,000 workflows
 * submitted at once made 2,000 reads of the same two (mostly missing) ConfigMaps, each holding a controller worker
 * for a round trip. A change is seen within the TTL.
 */
export class KubeConfigSource implements ConfigSource {
  private readonly core: CoreV1Api;
  private readonly configMaps = new Map<string, { expires: number; read: Promise<ConfigMapData | undefined> }>();

  constructor(kubeConfig: KubeConfig, private readonly configMapTtlMs = 2000) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  configMap(namespace: string, name: string): Promise<ConfigMapData | undefined> {
    const key = `${namespace}/${name}`;
    const now = Date.now();
    const cached = this.configMaps.get(key);
    if (cached && cached.expires > now) return cached.read;
    for (const [k, entry] of this.configMaps) if (entry.expires <= now) this.configMaps.delete(k);
    const read = this.readConfigMap(namespace, name);
    this.configMaps.set(key, { expires: now + this.configMapTtlMs, read });
    // A failed read is not kept: the next caller asks again.
    read.catch(() => {
      if (this.configMaps.get(key)?.read === read) this.configMaps.delete(key);
    });
    return read;
  }

  private async readConfigMap(namespace: string, name: string): Promise<ConfigMapData | undefined> {
    const found = await this.core.readNamespacedConfigMap({ name, namespace }).catch(notFoundAsUndefined);
    return found ? { metadata: { annotations: found.metadata?.annotations ?? {} }, data: found.data ?? {} } : undefined;
  }

  async secret(namespace: string, name: string): Promise<Record<string, string> | undefined> {
    const found = await this.core.readNamespacedSecret({ name, namespace }).catch(notFoundAsUndefined);
    if (!found) return undefined;
    return {
      ...Object.fromEntries(Object.entries(found.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])),
      ...(found.stringData ?? {}),
    };
  }
}

function notFoundAsUndefined(error: { code?: number }): undefined {
  if (error.code === 404) return undefined;
  throw error;
}

interface Manifest {
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/**
 * Embedded mode's ConfigMaps and Secrets: the `*.yaml` manifests in a folder (`<data dir>/config` by default), the
 * same files `kubectl apply` takes. A manifest without a namespace is in every namespace. Read on each call: the
 * files are small, and an edit takes effect for the next workflow without a restart.
 */
export class DirectoryConfigSource implements ConfigSource {
  constructor(readonly dir: string) {}

  private async manifests(kind: string, namespace: string, name: string): Promise<Manifest | undefined> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    for (const file of files) {
      const text = await readFile(join(this.dir, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length) throw new Error(`${join(this.dir, file)}: ${doc.errors[0]!.message}`);
        const manifest = doc.toJS() as Manifest | null;
        if (manifest?.kind !== kind || manifest.metadata?.name !== name) continue;
        if (manifest.metadata.namespace && manifest.metadata.namespace !== namespace) continue;
        return manifest;
      }
    }
    return undefined;
  }

  async configMap(namespace: string, name: string): Promise<ConfigMapData | undefined> {
    const found = await this.manifests('ConfigMap', namespace, name);
    return found ? { metadata: { annotations: found.metadata?.annotations ?? {} }, data: found.data ?? {} } : undefined;
  }

  async secret(namespace: string, name: string): Promise<Record<string, string> | undefined> {
    const found = await this.manifests('Secret', namespace, name);
    if (!found) return undefined;
    return {
      ...Object.fromEntries(Object.entries(found.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])),
      ...(found.stringData ?? {}),
    };
  }
}
