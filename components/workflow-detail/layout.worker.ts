/// <reference lib="webworker" />
import { layoutGraph } from '@/lib/graph/layout-graph';
import type { WorkflowGraph } from '@/lib/graph/types';

// Lays out graphs off the main thread: the page stays responsive while thousands of nodes are placed.
// Maps survive structured cloning, so the layout goes back as it is.
self.onmessage = (event: MessageEvent<{ key: string; graph: WorkflowGraph }>) => {
  const { key, graph } = event.data;
  try {
    const started = performance.now();
    const layout = layoutGraph(graph);
    self.postMessage({ key, layout, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ key, error: (error as Error).message });
  }
};
