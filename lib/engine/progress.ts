import type { NodeStatus } from '../generated/argo';
import type { Nodes } from './types';

// Nodes whose progress is their own (Argo's `executable` node types); the others sum theirs.
const executableTypes = new Set(['Pod', 'HTTP', 'Plugin', 'Container', 'Suspend']);
const isExecutable = (node: NodeStatus | undefined) => node !== undefined && executableTypes.has(node.type);

/**
 * Sets `progress` ("succeeded/total") on every node and returns the workflow's, as Argo does: an executable node
 * (pod, container of a containerSet, HTTP, suspend) counts itself; any other node counts the distinct executable
 * nodes reachable through its children.
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
    if (isExecutable(node)) found.add(id);
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
      const phase = nodes[id]?.phase;
      if (phase === 'Succeeded' || phase === 'Skipped' || phase === 'Omitted') done++;
    }
    return `${done}/${total}`;
  };
  for (const node of Object.values(nodes)) {
    node.progress = isExecutable(node) ? format([node.id]) : format(podsUnder(node.id, new Set()));
  }
  return format(Object.values(nodes).filter(isExecutable).map((n) => n.id));
}
