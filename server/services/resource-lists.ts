import type { ObjectList } from '../cluster/cluster-port';

/** A list in argo-server's shape: `metadata` with the resourceVersion and continue token, then `items`. */
export function toListBody(list: ObjectList) {
  return {
    metadata: { resourceVersion: list.resourceVersion, ...(list.continue ? { continue: list.continue } : {}) },
    // argo-server writes an empty list as `null` (Go's nil slice); clients expect exactly that.
    items: list.items.length ? list.items : null,
  };
}
