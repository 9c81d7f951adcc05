import { graphShapeKey } from './graph-shape-key';
import { layoutGraph } from './layout-graph';
import type { GraphLayout, WorkflowGraph } from './types';

/**
 * A layout function that remembers the last `capacity` layouts by graph shape: polling a running workflow
 * rebuilds the graph every few seconds, but lays it out again only when nodes or edges change.
 */
export function memoizeLayout(capacity = 8, layout: (graph: WorkflowGraph) => GraphLayout = layoutGraph) {
  const cache = new Map<string, GraphLayout>();
  return (graph: WorkflowGraph): GraphLayout => {
    const key = graphShapeKey(graph);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = layout(graph);
    cache.set(key, result);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return result;
  };
}
