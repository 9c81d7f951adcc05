/**
 * The working graph of the layered layout: nodes by index, with dummy nodes splitting edges that span several
 * layers so that every edge joins neighbouring layers.
 */
export interface LayeredGraph {
  /** Width of each node; dummies are thin. */
  widths: number[];
  heights: number[];
  /** Whether the node is a dummy (a bend point of a long edge). */
  dummy: boolean[];
  /** Layer of each node, 0 at the top. */
  layer: number[];
  /** Successors and predecessors, each in the next and previous layer. */
  succ: number[][];
  pred: number[][];
  /** Node indices per layer, left to right. */
  layers: number[][];
}

/**
 * Each input edge oriented so the graph has no cycle (an edge closing one is turned around), or null for self
 * loops and duplicates. Workflows are acyclic; this only keeps a malformed status from hanging the layout.
 */
export function orientEdges(nodeCount: number, edges: readonly (readonly [number, number])[]): ([number, number] | null)[] {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const seen = new Set<string>();
  const kept = edges.map(([s, t]) => {
    if (s === t || seen.has(`${s}>${t}`)) return false;
    seen.add(`${s}>${t}`);
    out[s]!.push(t);
    return true;
  });
  // Iterative DFS: an edge to a node still on the stack closes a cycle.
  const state = new Uint8Array(nodeCount); // 0 new, 1 on the stack, 2 done
  const back = new Set<string>();
  for (let start = 0; start < nodeCount; start++) {
    if (state[start]) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const v = top[0];
      const w = out[v]![top[1]++];
      if (w === undefined) {
        state[v] = 2;
        stack.pop();
      } else if (state[w] === 1) back.add(`${v}>${w}`);
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  return edges.map(([s, t], i) => (!kept[i] ? null : back.has(`${s}>${t}`) ? [t, s] : [s, t]));
}

/**
 * Layers by longest path from the sources (a task sits one layer below its latest dependency, as a reader of a
 * workflow expects), then splits long edges with dummies. Returns the graph and, per input edge, its chain.
 */
export function assignLayers(
  sizes: readonly { width: number; height: number }[],
  edges: readonly (readonly [number, number])[],
  dummyWidth: number,
): { graph: LayeredGraph; chains: number[][] } {
  const n = sizes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  for (const [s, t] of edges) {
    out[s]!.push(t);
    indegree[t]!++;
  }
  const layer = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of out[v]!) {
      layer[w] = Math.max(layer[w]!, layer[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  const graph: LayeredGraph = {
    widths: sizes.map((s) => s.width), heights: sizes.map((s) => s.height), dummy: new Array<boolean>(n).fill(false),
    layer, succ: Array.from({ length: n }, () => []), pred: Array.from({ length: n }, () => []), layers: [],
  };
  const chains: number[][] = [];
  for (const [s, t] of edges) {
    const chain = [s];
    for (let l = layer[s]! + 1; l < layer[t]!; l++) {
      const d = graph.widths.length;
      graph.widths.push(dummyWidth);
      graph.heights.push(0);
      graph.dummy.push(true);
      graph.layer.push(l);
      graph.succ.push([]);
      graph.pred.push([]);
      chain.push(d);
    }
    chain.push(t);
    for (let i = 1; i < chain.length; i++) {
      graph.succ[chain[i - 1]!]!.push(chain[i]!);
      graph.pred[chain[i]!]!.push(chain[i - 1]!);
    }
    chains.push(chain);
  }
  for (let v = 0; v < graph.layer.length; v++) (graph.layers[graph.layer[v]!] ??= []).push(v);
  return { graph, chains };
}
