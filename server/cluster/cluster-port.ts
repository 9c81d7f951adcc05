import type { KubeObject } from '@/lib/k8s/object';
import type { ResourcePlural } from '@/lib/k8s/resource-kinds';
import type { CoreV1Event } from '@/lib/generated/k8s';

export interface ListOptions {
  labelSelector?: string;
  limit?: number;
  /** Opaque token from a previous page. */
  continue?: string;
}

export interface ObjectList<T extends KubeObject = KubeObject> {
  items: T[];
  resourceVersion: string;
  /** Set when more items follow. */
  continue?: string;
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
}

/**
 * The narrow interface between Capstan and where its resources live: the embedded database or a
 * Kubernetes cluster. Errors are ApiErrors (not found, already exists, conflict) in both adapters.
 * `namespace` is ignored for cluster-scoped kinds.
 */
export interface ClusterPort {
  readonly name: 'embedded' | 'kubernetes';
  get<T extends KubeObject>(plural: ResourcePlural, namespace: string, name: string): Promise<T>;
  /** Lists one namespace, or all namespaces when `namespace` is empty. */
  list<T extends KubeObject>(plural: ResourcePlural, namespace: string, options?: ListOptions): Promise<ObjectList<T>>;
  create<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T>;
  /** Replaces the object; fails with a conflict when its resourceVersion is stale. */
  update<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T>;
  delete(plural: ResourcePlural, namespace: string, name: string): Promise<void>;
  /** Calls `onEvent` for every change after `resourceVersion` until `signal` aborts. */
  watch<T extends KubeObject>(
    plural: ResourcePlural,
    namespace: string,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /**
   * Records a core/v1 Event about an object (Argo's controller's event recorder): in the cluster in kubernetes mode,
   * with the other resources (plural `events`) in embedded mode; either way `GET /api/v1/stream/events` reads it.
   */
  recordEvent(event: CoreV1Event & { metadata: { name: string; namespace: string } }): Promise<void>;
  close(): Promise<void>;
}
