import type { ObjectList } from '../cluster/cluster-port';

/** A list in argo-server's shape: `metadata` with the resourceVersion and continue token, then `items`. */
export function toListBody(list: ObjectList) {
  return {
    metadata: { resourceVersion: list.resourceVersion, ...(list.continue ? { continue: list.continue } : {}) },
    items: list.items,
  };
}
