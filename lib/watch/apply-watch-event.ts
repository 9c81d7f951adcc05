import type { KubeObject } from '../k8s/object';

/** One event of a Kubernetes-style watch, as argo-server's streams carry it in `result`. */
export interface WatchEventOf<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | string;
  object: T;
}

/** A list as the API answers it; `items` is null when empty (argo-server's Go nil slice). */
export interface ListOf<T extends KubeObject = KubeObject> {
  metadata: { resourceVersion?: string; continue?: string; [key: string]: unknown };
  items: T[] | null;
}

/** What version comparisons read of an object (a whole object, or a cache's summary of one). */
type Versioned = Pick<KubeObject, 'metadata'>;

const versionOf = (o: Versioned | undefined) => Number.parseInt(o?.metadata.resourceVersion ?? '', 10);

/** True when `next` is not older than `current` (an object without a number version is always taken). */
export function isNewer(current: Versioned | undefined, next: Versioned): boolean {
  const before = versionOf(current);
  const after = versionOf(next);
  return Number.isNaN(before) || Number.isNaN(after) || after > before;
}

/**
 * Whether a fetched copy is older than the one already held: the same object (uid) at a lower resourceVersion. A
 * refetch that answers after the watch stream has pushed a newer version must not replace it.
 */
export function isStaleFetch(current: KubeObject | undefined, fetched: KubeObject | undefined): boolean {
  if (!current?.metadata?.uid || !fetched || current.metadata.uid !== fetched.metadata?.uid) return false;
  return versionOf(fetched) < versionOf(current);
}

/**
 * The object after one watch event on it: a newer version replaces it, an older one (a replay after a reconnect)
 * leaves it untouched and returns the same reference, so React Query and memoised views see no change.
 * A DELETED event returns undefined.
 */
export function applyObjectEvent<T extends KubeObject>(current: T | undefined, event: WatchEventOf<T>): T | undefined {
  if (event.type === 'DELETED') return current && current.metadata.uid === event.object.metadata.uid ? undefined : current;
  return isNewer(current, event.object) ? event.object : current;
}

export interface ListEventOptions<T extends KubeObject> {
  /** Whether an added object belongs in this list at all (filters the stream could not express). */
  accepts?: (object: T) => boolean;
  /** Where new objects go; default: at the start (newest first), as workflow lists are shown. */
  compare?: (a: T, b: T) => number;
  /** Added objects are kept only on the first page; later pages update what they hold. */
  firstPage?: boolean;
}

/**
 * The list after one watch event: modified items are replaced in place (a newer version only), deleted ones
 * dropped, added ones inserted in order when this is the first page. Returns the same list when nothing changed.
 */
export function applyListEvent<T extends KubeObject>(list: ListOf<T>, event: WatchEventOf<T>, options: ListEventOptions<T> = {}): ListOf<T> {
  const items = list.items ?? [];
  const uid = event.object.metadata.uid;
  const index = items.findIndex((item) => item.metadata.uid === uid);
  if (event.type === 'DELETED') {
    if (index < 0) return list;
    const next = items.filter((_, i) => i !== index);
    return { ...list, items: next.length ? next : null };
  }
  const accepted = options.accepts?.(event.object) ?? true;
  if (index >= 0) {
    if (!accepted) {
      const next = items.filter((_, i) => i !== index);
      return { ...list, items: next.length ? next : null };
    }
    if (!isNewer(items[index], event.object)) return list;
    const next = items.slice();
    next[index] = event.object;
    return { ...list, items: next };
  }
  if (!accepted || options.firstPage === false) return list;
  const compare = options.compare;
  const at = compare ? items.findIndex((item) => compare(event.object, item) < 0) : 0;
  const next = items.slice();
  next.splice(at < 0 ? items.length : at, 0, event.object);
  return { ...list, items: next };
}
