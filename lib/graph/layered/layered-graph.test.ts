import { describe, expect, it } from 'vitest';
import { assignLayers, orientEdges } from './layered-graph';
import { countCrossings } from './order-layers';

const size = { width: 10, height: 10 };

describe('orientEdges', () => {
  it('drops self loops and duplicates and turns an edge closing a cycle around', () => {
    expect(orientEdges(3, [[0, 1], [1, 2], [2, 0], [1, 1], [0, 1]])).toEqual([[0, 1], [1, 2], [0, 2], null, null]);
  });
});

describe('assignLayers', () => {
  it('puts a node one layer below its latest parent and splits long edges with dummies', () => {
    // 0 → 1 → 2, and 0 → 2 spans two layers.
    const { graph, chains } = assignLayers([size, size, size], [[0, 1], [1, 2], [0, 2]], 8);
    expect(graph.layer).toEqual([0, 1, 2, 1]);
    expect(graph.dummy).toEqual([false, false, false, true]);
    expect(chains).toEqual([[0, 1], [1, 2], [0, 3, 2]]);
    expect(graph.layers).toEqual([[0], [1, 3], [2]]);
  });
});

describe('countCrossings', () => {
  it('counts edges that cross between two layers', () => {
    const { graph } = assignLayers([size, size, size, size], [[0, 3], [1, 2]], 8);
    const position = new Int32Array([0, 1, 0, 1]);
    expect(countCrossings(graph, [0, 1], position)).toBe(1);
    position[2] = 1;
    position[3] = 0;
    expect(countCrossings(graph, [0, 1], position)).toBe(0);
  });
});
