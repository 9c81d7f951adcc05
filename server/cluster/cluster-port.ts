import type { KubeObject } from '@/lib/k8s/object';
import type { ResourcePlural } from '@/lib/k8s/resource-kinds';
import type { EventCountPatch, KubeEventBody } from '@/lib/k8s/kube-event';
import type { ObjectSummary } from '@/lib/k8s/object-summary';

export interface ListOptions {
  labelSelector?: string;
  limit?: number;
  /** Opaque token from a previous page. */
  continue?: string;
}

export interface ObjectList<T = KubeObject> {
  items: T[];
  resourceVersion: string;
  /** Set when more items follow. */
  continue?: string;
}

/**
 * A listed object as a cache may hold it: its summary (shared with the cache: read only) and the whole object on
 * demand, so a list that returns a page parses only that page.
 */
export interface Listed<T extends KubeObject = KubeObject> extends ObjectSummary {
  /** The whole object; from a cache that holds it packed, a fresh copy the caller may change. */
  read(): T;
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
  /**
   * As `list` without `limit`/`continue`, each item a summary whose `read()` gives the whole object: from the
   * workflow cache only the items read are parsed (a list of 10,000 workflows returning a page of 50 parses 50).
   */
  listSummaries<T extends KubeObject>(plural: ResourcePlural, namespace: string, options?: { labelSelector?: string }): Promise<ObjectList<Listed<T>>>;
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
  recordEvent(event: KubeEventBody): Promise<void>;
  /**
   * Sets a recorded Event's count, lastTimestamp and message (client-go's patch of an Event seen again); fails with
   * not found when the Event has gone (expired), and the caller records it anew.
   */
  patchEvent(namespace: string, name: string, patch: EventCountPatch): Promise<void>;
  close(): Promise<void>;
}
