import type { NodeStatus } from '../generated/argo';

/**
 * The nodes a Retry or TaskGroup node stands for: its descendants whose Argo names sit under its own
 * (attempts `name(0)`, loop items `name(0:a)`, and whatever runs inside them, `name(0).task`).
 * Nodes after the group hang under its last nodes' `children` too, but their names do not share the prefix.
 */
export function nodesInsideGroup(nodes: Readonly<Record<string, NodeStatus>>, groupId: string): Set<string> {
  const inside = new Set<string>();
  const group = nodes[groupId];
  if (!group) return inside;
  const isInside = (name: string) => name.startsWith(`${group.name}(`) || name.startsWith(`${group.name}.`);
  const stack = [...(group.children ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    const node = nodes[id];
    if (!node || inside.has(id) || !isInside(node.name)) continue;
    inside.add(id);
    stack.push(...(node.children ?? []));
  }
  return inside;
}

/** Children of the nodes in `inside` that are outside it: where edges leaving a folded group go. */
export function exitsOfGroup(nodes: Readonly<Record<string, NodeStatus>>, groupId: string, inside: ReadonlySet<string>): string[] {
  const exits = new Set<string>();
  for (const id of [groupId, ...inside]) {
    for (const child of nodes[id]?.children ?? []) {
      if (child !== groupId && !inside.has(child) && nodes[child]) exits.add(child);
    }
  }
  return [...exits];
}

/**
 * The pod-like nodes a node ends in, following `outboundNodes` down (Argo's UI `getOutboundNodes`):
 * where the workflow's exit handler is drawn from.
 */
export function outboundLeaves(nodes: Readonly<Record<string, NodeStatus>>, nodeId: string, seen = new Set<string>()): string[] {
  const node = nodes[nodeId];
  if (!node || seen.has(nodeId)) return [];
  seen.add(nodeId);
  if (node.type === 'Pod' || node.type === 'Skipped' || !node.outboundNodes?.length) return [nodeId];
  return node.outboundNodes.flatMap((id) => outboundLeaves(nodes, id, seen));
}
