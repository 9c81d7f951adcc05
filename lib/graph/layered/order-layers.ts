import type { LayeredGraph } from './layered-graph';

/** Crossings between two neighbouring layers, counted by sorting the lower ends of edges (O(E log E)). */
export function countCrossings(graph: LayeredGraph, upper: readonly number[], position: Int32Array): number {
  const ends: number[] = [];
  for (const v of upper) {
    const lower = graph.succ[v]!.map((w) => position[w]!).sort((a, b) => a - b);
    ends.push(...lower);
  }
  // Count inversions in `ends` with a Fenwick tree.
  const size = ends.reduce((m, x) => Math.max(m, x), 0) + 2;
  const tree = new Int32Array(size + 1);
  let crossings = 0;
  for (let i = ends.length - 1; i >= 0; i--) {
    for (let j = ends[i]!; j > 0; j -= j & -j) crossings += tree[j]!;
    for (let j = ends[i]! + 1; j <= size; j += j & -j) tree[j]!++;
  }
  return crossings;
}

function totalCrossings(graph: LayeredGraph, layers: number[][], position: Int32Array): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) total += countCrossings(graph, layers[l]!, position);
  return total;
}

function indexPositions(layers: number[][], position: Int32Array): void {
  for (const layer of layers) layer.forEach((v, i) => (position[v] = i));
}

/** Reorders one layer by the mean position of each node's neighbours in the layer it faces; stable. */
function sortByBarycentre(layer: number[], neighbours: number[][], position: Int32Array): number[] {
  const keyed = layer.map((v, i) => {
    const adjacent = neighbours[v]!;
    if (adjacent.length === 0) return { v, key: i, i };
    let sum = 0;
    for (const w of adjacent) sum += position[w]!;
    return { v, key: sum / adjacent.length, i };
  });
  // A node without neighbours there keeps its own index as key, which stays close to where it was.
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed.map((k) => k.v);
}

/**
 * Orders nodes within layers to reduce crossings: alternating downward and upward barycentre sweeps, keeping
 * the best order seen (Sugiyama's second phase). Mutates `graph.layers`.
 */
export function orderLayers(graph: LayeredGraph, sweeps: number): void {
  const layers = graph.layers;
  const position = new Int32Array(graph.layer.length);
  // Start from a depth-first order from the top, so subtrees begin side by side.
  const seeded = new Uint8Array(graph.layer.length);
  const next: number[][] = layers.map(() => []);
  const visit = (root: number) => {
    const stack = [root];
    while (stack.length) {
      const v = stack.pop()!;
      if (seeded[v]) continue;
      seeded[v] = 1;
      next[graph.layer[v]!]!.push(v);
      for (let i = graph.succ[v]!.length - 1; i >= 0; i--) stack.push(graph.succ[v]![i]!);
    }
  };
  for (const layer of layers) for (const v of layer) if (graph.pred[v]!.length === 0) visit(v);
  for (const layer of layers) for (const v of layer) visit(v);
  layers.splice(0, layers.length, ...next);
  indexPositions(layers, position);

  let best = layers.map((l) => [...l]);
  let bestCrossings = totalCrossings(graph, layers, position);
  for (let sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
    const down = sweep % 2 === 0;
    for (let k = 1; k < layers.length; k++) {
      const l = down ? k : layers.length - 1 - k;
      layers[l] = sortByBarycentre(layers[l]!, down ? graph.pred : graph.succ, position);
      layers[l]!.forEach((v, i) => (position[v] = i));
    }
    const crossings = totalCrossings(graph, layers, position);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
    }
  }
  layers.splice(0, layers.length, ...best);
}
