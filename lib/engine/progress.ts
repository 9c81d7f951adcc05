import type { Nodes } from './types';

/**
 * Sets `progress` ("succeeded/total" pods) on every node and returns the workflow's, as Argo does: a pod counts
 * itself; any other node counts the distinct pods reachable through its children.
 */
export function updateProgress(nodes: Nodes): string {
  const memo = new Map<string, Set<string>>();
  const podsUnder = (id: string, path: Set<string>): Set<string> => {
    const cached = memo.get(id);
    if (cached) return cached;
    const node = nodes[id];
    const found = new Set<string>();
    if (!node || path.has(id)) return found;
    path.add(id);
    if (node.type === 'Pod') found.add(id);
    for (const child of node.children ?? []) for (const pod of podsUnder(child, path)) found.add(pod);
    path.delete(id);
    memo.set(id, found);
    return found;
  };
  const format = (pods: Iterable<string>) => {
    let total = 0;
    let done = 0;
    for (const id of pods) {
      total++;
      if (nodes[id]?.phase === 'Succeeded') done++;
    }
    return `${done}/${total}`;
  };
  for (const node of Object.values(nodes)) {
    node.progress = node.type === 'Pod' ? format([node.id]) : format(podsUnder(node.id, new Set()));
  }
  return format(Object.values(nodes).filter((n) => n.type === 'Pod').map((n) => n.id));
}
