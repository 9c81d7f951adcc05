import type { NodeStatus } from '../generated/argo';
import type { GraphEdge, GraphNode, WorkflowGraph } from './types';

/** Fewer similar nodes than this stay drawn one by one. */
export const minGroupSize = 4;

/** The id of the group standing for similar nodes (same template, same boundary, same depth). */
export function groupNodeId(key: string): string {
  return `group:${key}`;
}

// Which phase a group shows: the one a user must see first.
const phaseRank = ['Failed', 'Error', 'Running', 'Suspended', 'Pending', 'Succeeded', 'Skipped', 'Omitted'];
const rank = (phase: string) => {
  const i = phaseRank.indexOf(phase);
  return i < 0 ? phaseRank.length : i;
};

/** Longest path from a node without incoming edges, in the graph's own order (Kahn); a cycle leaves depth 0. */
function depths(graph: WorkflowGraph): Map<string, number> {
  const incoming = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
    let list = out.get(e.source);
    if (!list) out.set(e.source, (list = []));
    list.push(e.target);
  }
  const depth = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const queue = graph.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of out.get(id) ?? []) {
      depth.set(next, Math.max(depth.get(next)!, depth.get(id)! + 1));
      const left = incoming.get(next)! - 1;
      incoming.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return depth;
}

/**
 * Reduces a large graph before it is laid out: cards that run the same template inside the same DAG or steps
 * boundary at the same depth (the items of a loop, the tasks of a wide layer, the attempts of retries) become
 * one group card saying how many there are and their phases; edges between members of different groups
 * become one edge between the groups. Groups in `open` (by id) are drawn member by member. The result keeps the
 * graph's order, so the same input gives the same graph (and the same layout key).
 */
export function groupSimilarNodes(
  graph: WorkflowGraph,
  nodes: Readonly<Record<string, NodeStatus>>,
  open: ReadonlySet<string>,
): WorkflowGraph {
  const depth = depths(graph);
  const members = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const status = nodes[node.id];
    // The root, dots, placeholders and folded cards are never grouped.
    if (node.kind !== 'card' || node.hiddenCount > 0 || !status?.boundaryID) continue;
    const template = status.templateName ?? status.templateRef?.template ?? status.type;
    const key = groupNodeId(`${status.boundaryID}/${template}/${depth.get(node.id)}`);
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(node);
  }
  const groupOf = new Map<string, string>();
  for (const [key, list] of members) {
    if (list.length < minGroupSize || open.has(key)) continue;
    for (const node of list) groupOf.set(node.id, key);
  }
  if (groupOf.size === 0) return graph;

  const out: GraphNode[] = [];
  const emitted = new Set<string>();
  for (const node of graph.nodes) {
    const key = groupOf.get(node.id);
    if (key === undefined) {
      out.push(node);
      continue;
    }
    if (emitted.has(key)) continue;
    emitted.add(key);
    const list = members.get(key)!;
    const phaseCounts: Record<string, number> = {};
    let phase = list[0]!.phase;
    for (const member of list) {
      phaseCounts[member.phase] = (phaseCounts[member.phase] ?? 0) + 1;
      if (rank(member.phase) < rank(phase)) phase = member.phase;
    }
    const template = nodes[node.id]?.templateName ?? nodes[node.id]?.templateRef?.template ?? node.type;
    out.push({
      id: key, kind: 'group', type: 'Group', label: `${template} ×${list.length.toLocaleString('en')}`, phase,
      dimmed: list.every((m) => m.dimmed), collapsible: false, hiddenCount: list.length, expands: key, phaseCounts,
    });
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    const source = groupOf.get(e.source) ?? e.source;
    const target = groupOf.get(e.target) ?? e.target;
    if (source !== target) edges.set(`${source}\u0000${target}`, { source, target });
  }
  return { nodes: out, edges: [...edges.values()] };
}
