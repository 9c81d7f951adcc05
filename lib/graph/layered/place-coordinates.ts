import { fitOrdered } from './fit-ordered';
import type { LayeredGraph } from './layered-graph';

/** How strongly a dummy (a long edge's bend) wants to be straight, compared with a real node. */
const dummyWeight = 4;

/**
 * Horizontal centres for ordered layers: start packed, then alternately pull each node towards the mean centre
 * of its neighbours above, below, and both, keeping order and spacing (`fitOrdered`). Returns centres with the
 * leftmost edge at 0.
 */
export function placeCoordinates(graph: LayeredGraph, nodeGap: number, passes: number): Float64Array {
  const x = new Float64Array(graph.layer.length);
  const gapsOf = (layer: number[]) =>
    layer.slice(1).map((v, i) => (graph.widths[layer[i]!]! + graph.widths[v]!) / 2 + (graph.dummy[v] && graph.dummy[layer[i]!] ? nodeGap / 4 : nodeGap));
  const gaps = graph.layers.map(gapsOf);
  const weights = graph.layers.map((layer) => layer.map((v) => (graph.dummy[v] ? dummyWeight : 1)));
  for (const [l, layer] of graph.layers.entries()) {
    let at = 0;
    layer.forEach((v, i) => {
      if (i > 0) at += gaps[l]![i - 1]!;
      x[v] = at;
    });
    // Centre each packed layer on 0, so the first pass starts balanced.
    const shift = at / 2;
    for (const v of layer) x[v]! -= shift;
  }
  const meanOf = (neighbours: readonly number[], fallback: number) => {
    if (neighbours.length === 0) return fallback;
    let sum = 0;
    for (const w of neighbours) sum += x[w]!;
    return sum / neighbours.length;
  };
  for (let pass = 0; pass < passes; pass++) {
    const mode = pass % 3; // 0: towards parents, going down; 1: towards children, going up; 2: both
    const count = graph.layers.length;
    for (let k = 0; k < count; k++) {
      const l = mode === 1 ? count - 1 - k : k;
      const layer = graph.layers[l]!;
      const desired = layer.map((v) => {
        if (mode === 0) return meanOf(graph.pred[v]!, x[v]!);
        if (mode === 1) return meanOf(graph.succ[v]!, x[v]!);
        const both = [...graph.pred[v]!, ...graph.succ[v]!];
        return meanOf(both, x[v]!);
      });
      fitOrdered(desired, gaps[l]!, weights[l]).forEach((value, i) => (x[layer[i]!] = value));
    }
  }
  let left = Infinity;
  for (let v = 0; v < x.length; v++) left = Math.min(left, x[v]! - graph.widths[v]! / 2);
  if (Number.isFinite(left)) for (let v = 0; v < x.length; v++) x[v]! -= left;
  return x;
}
