// Below this many nodes a save is small enough (under ~40 KB) to follow every event at once.
const unpacedNodes = 100;
const maxPaceMs = 1000;

/**
 * How long a workflow's next reconcile waits after one that saved it: nothing for a small workflow, half a
 * millisecond per node for a big one, at most 1 s. Every save sends the whole status (about 375 bytes a node) to the
 * API server, etcd and every watcher; a 2,000-task DAG saved after each pod event spent the shared cores that the
 * pods themselves needed. Argo's controller waits 10 s between such reconciles (DEFAULT_REQUEUE_TIME).
 */
export function savePaceMs(nodes: number): number {
  return nodes < unpacedNodes ? 0 : Math.min(maxPaceMs, Math.round(nodes / 2));
}

/**
 * How long one reconcile of a workflow with `nodes` nodes may spend creating pods before it stops for the next
 * reconcile to save the status: at least 1 s, else four times the save pace (4 s for a 2,000-task DAG), so users see
 * a wide DAG's progress while its pods are created, and the creation is not held up by a 750 KB save every second.
 */
export function creationSliceMs(nodes: number): number {
  return Math.max(1000, 4 * savePaceMs(nodes));
}
