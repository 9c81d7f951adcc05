import type { NodeStatus } from '../generated/argo';
import type { Operation } from './operation';

// Nodes whose progress is their own (Argo's `executable` node types); the others sum theirs.
const executableTypes = new Set(['Pod', 'HTTP', 'Plugin', 'Container', 'Suspend']);
const isExecutable = (node: NodeStatus | undefined) => node !== undefined && executableTypes.has(node.type);
const isDone = (node: NodeStatus | undefined) => node?.phase === 'Succeeded' || node?.phase === 'Skipped' || node?.phase === 'Omitted';

/** The distinct executable nodes under a node, and how many of them are done. */
interface Under {
  ids: Set<string>;
  done: number;
}

/**
 * Sets `progress` ("succeeded/total") on every node and returns the workflow's, as Argo does: an executable node
 * (pod, container of a containerSet, HTTP, suspend) counts itself; any other node counts the distinct executable
 * nodes reachable through its children. Only a node whose progress changes is written (copied, when it is shared).
 */
export function updateProgress(op: Operation): string {
  const { nodes, nodeList } = op;
  // Only non-executable nodes need the set of executables under them; executables are walked through, and a
  // non-executable node met on the way contributes its own (memoised) set. A big DAG's thousands of pods thus
  // cost one set for the DAG, not one per pod; they are counted as they are found.
  const memo = new Map<string, Under>();
  const walking = new Set<string>();
  const podsUnder = (id: string): Under => {
    const cached = memo.get(id);
    if (cached) return cached;
    const found: Under = { ids: new Set(), done: 0 };
    if (walking.has(id)) return found;
    walking.add(id);
    const seen = new Set<string>();
    const stack = [...(nodes[id]?.children ?? [])];
    while (stack.length) {
      const childId = stack.pop()!;
      if (seen.has(childId)) continue;
      seen.add(childId);
      const child = nodes[childId];
      if (!child) continue;
      if (isExecutable(child)) {
        if (!found.ids.has(childId)) {
          found.ids.add(childId);
          if (isDone(child)) found.done++;
        }
        for (const grandchild of child.children ?? []) stack.push(grandchild);
      } else {
        for (const pod of podsUnder(childId).ids) {
          if (found.ids.has(pod)) continue;
          found.ids.add(pod);
          if (isDone(nodes[pod])) found.done++;
        }
      }
    }
    walking.delete(id);
    memo.set(id, found);
    return found;
  };
  let total = 0;
  let done = 0;
  for (let index = 0; index < nodeList.length; index++) {
    const node = nodeList[index]!;
    if (isExecutable(node)) {
      const finished = isDone(node) ? 1 : 0;
      const progress = finished ? '1/1' : '0/1';
      if (node.progress !== progress) op.own(node).progress = progress;
      total++;
      done += finished;
      continue;
    }
    const under = podsUnder(node.id);
    const progress = `${under.done}/${under.ids.size}`;
    if (node.progress !== progress) op.own(node).progress = progress;
  }
  return `${done}/${total}`;
}
