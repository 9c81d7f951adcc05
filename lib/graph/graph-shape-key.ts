import type { WorkflowGraph } from './types';

/**
 * A key that changes only when the layout would: node ids and kinds, and edges, in order. Phases, labels and
 * messages are left out, so a status update that only moves phases keeps the same key (and the same layout).
 */
export function graphShapeKey(graph: WorkflowGraph): string {
  const nodes = graph.nodes.map((n) => `${n.id}:${n.kind}`).join('\n');
  const edges = graph.edges.map((e) => `${e.source}>${e.target}`).join('\n');
  return `${nodes}\n--\n${edges}`;
}
