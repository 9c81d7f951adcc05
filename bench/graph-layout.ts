/** Build and layout time of the workflow graph in Node (the code the layout worker runs): npx tsx bench/graph-layout.ts */
import { buildWorkflowGraph, layoutGraph } from '../lib/graph';
import { generateLargeDag } from '../lib/graph/testing/large-dag';

for (const tasks of [2_000, 10_000]) {
  const nodes = generateLargeDag({ tasks, width: 100, workflowName: 'big-dag' });
  let started = performance.now();
  const graph = buildWorkflowGraph('big-dag', nodes, { expanded: new Set(['*']) });
  const buildMs = performance.now() - started;
  started = performance.now();
  const layout = layoutGraph(graph);
  const layoutMs = performance.now() - started;
  const collapsed = buildWorkflowGraph('big-dag', nodes, {});
  started = performance.now();
  layoutGraph(collapsed);
  const collapsedMs = performance.now() - started;
  console.log(`${tasks} tasks expanded: ${graph.nodes.length} nodes, ${graph.edges.length} edges; build ${buildMs.toFixed(0)} ms, layout ${layoutMs.toFixed(0)} ms (${layout.width.toFixed(0)}×${layout.height.toFixed(0)} px); collapsed: ${collapsed.nodes.length} nodes, layout ${collapsedMs.toFixed(0)} ms`);
}
