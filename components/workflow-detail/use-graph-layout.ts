'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type GraphLayout, type WorkflowGraph, graphShapeKey, layoutGraph } from '@/lib/graph';

// Small graphs are laid out at once on the main thread (a worker round trip costs more than the layout).
const workerThreshold = 300;
const cacheSize = 8;

// One cache for the page, by shape: a phase change rebuilds the graph but finds its layout here.
const cache = new Map<string, GraphLayout>();
function remember(key: string, layout: GraphLayout) {
  cache.delete(key);
  cache.set(key, layout);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
}

let worker: Worker | undefined;
function layoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

export interface PlacedGraph {
  graph: WorkflowGraph;
  layout: GraphLayout;
}

/**
 * The graph with its layout. Large graphs are laid out in a Web Worker; until a new shape's layout arrives the
 * previous graph stays on screen (phases still update: callers read them from the live nodes), or, on the
 * first load, `placed` is undefined and `pending` says how many nodes are being laid out.
 */
export function useGraphLayout(graph: WorkflowGraph): { placed?: PlacedGraph; pending: boolean; error?: string } {
  const key = useMemo(() => graphShapeKey(graph), [graph]);
  const synchronous = useMemo(() => {
    const hit = cache.get(key);
    if (hit) return hit;
    if (graph.nodes.length > workerThreshold && layoutWorker()) return undefined;
    const layout = layoutGraph(graph);
    remember(key, layout);
    return layout;
  }, [key, graph]);
  const [arrived, setArrived] = useState<{ key: string; layout: GraphLayout } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const last = useRef<PlacedGraph | undefined>(undefined);

  useEffect(() => {
    if (synchronous) return;
    const w = layoutWorker()!;
    const onMessage = (event: MessageEvent<{ key: string; layout?: GraphLayout; error?: string }>) => {
      if (event.data.key !== key) return;
      if (event.data.layout) {
        remember(key, event.data.layout);
        setArrived({ key, layout: event.data.layout });
      } else setError(event.data.error);
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ key, graph });
    return () => w.removeEventListener('message', onMessage);
  }, [key, graph, synchronous]);

  const layout = synchronous ?? (arrived?.key === key ? arrived.layout : undefined);
  if (layout) last.current = { graph, layout };
  return { placed: layout ? { graph, layout } : last.current, pending: !layout, error };
}
