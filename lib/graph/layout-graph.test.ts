import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../generated/argo';
import { buildWorkflowGraph } from './build-workflow-graph';
import { graphShapeKey } from './graph-shape-key';
import { layoutGraph } from './layout-graph';
import { memoizeLayout } from './memoize-layout';
import { node, nodeMap } from './testing/build-nodes';
import { generateLargeDag } from './testing/large-dag';
import type { GraphLayout, WorkflowGraph } from './types';

const diamond = nodeMap(
  node('wf', { type: 'DAG', children: ['wf.a'], phase: 'Running' }),
  node('wf.a', { children: ['wf.b', 'wf.c'] }),
  node('wf.b', { children: ['wf.d'] }),
  node('wf.c', { children: ['wf.d'], phase: 'Running' }),
  node('wf.d', { phase: 'Pending' }),
);

describe('layoutGraph', () => {
  it('places every rank below the one before it, without overlaps', () => {
    const { positions } = layoutGraph(buildWorkflowGraph('wf', diamond));
    const y = (id: string) => positions.get(id)!.y;
    expect(y('wf')).toBeLessThan(y('wf.a'));
    expect(y('wf.a')).toBeLessThan(y('wf.b'));
    expect(y('wf.b')).toBe(y('wf.c'));
    expect(y('wf.c')).toBeLessThan(y('wf.d'));
    const b = positions.get('wf.b')!;
    const c = positions.get('wf.c')!;
    expect(Math.abs(b.x - c.x)).toBeGreaterThanOrEqual(b.width);
  });

  it('returns nothing for an empty graph', () => {
    expect(layoutGraph({ nodes: [], edges: [] })).toMatchObject({ width: 0, height: 0 });
  });
});

describe('memoizeLayout', () => {
  it('lays out again only when the shape changes, not when phases do', () => {
    let runs = 0;
    const layout = memoizeLayout(4, (graph) => {
      runs++;
      return layoutGraph(graph);
    });
    const first = layout(buildWorkflowGraph('wf', diamond));
    const finished = Object.fromEntries(Object.entries(diamond).map(([id, n]) => [id, { ...n, phase: 'Succeeded' }]));
    const again = buildWorkflowGraph('wf', finished);
    expect(graphShapeKey(again)).toBe(graphShapeKey(buildWorkflowGraph('wf', diamond)));
    expect(layout(again)).toBe(first);
    expect(runs).toBe(1);

    const grown: Record<string, NodeStatus> = { ...finished, 'wf.e': node('wf.e') };
    grown['wf.d'] = { ...grown['wf.d']!, children: ['wf.e'] };
    expect(layout(buildWorkflowGraph('wf', grown))).not.toBe(first);
    expect(runs).toBe(2);
  });
});

describe('a 2,000-task DAG', () => {
  it('builds and lays out completely', () => {
    const nodes = generateLargeDag({ tasks: 2000, width: 50 });
    const started = performance.now();
    const graph: WorkflowGraph = buildWorkflowGraph('big-dag', nodes, { expanded: new Set(['*']) });
    const built = performance.now();
    const layout: GraphLayout = layoutGraph(graph);
    const done = performance.now();
    console.log(
      `2,000-task DAG: ${graph.nodes.length} nodes, ${graph.edges.length} edges; build ${(built - started).toFixed(0)} ms, ` +
        `layout ${(done - built).toFixed(0)} ms, ${layout.width.toFixed(0)}×${layout.height.toFixed(0)} px`,
    );
    expect(graph.nodes.length).toBe(2001);
    expect(layout.positions.size).toBe(2001);
    const rows = new Map<number, { x: number; width: number }[]>();
    for (const p of layout.positions.values()) rows.set(p.y, [...(rows.get(p.y) ?? []), p]);
    for (const row of rows.values()) {
      row.sort((a, b) => a.x - b.x);
      for (let i = 1; i < row.length; i++) expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.width);
    }
    // Reduced by default: each layer of 50 similar tasks is one group.
    expect(buildWorkflowGraph('big-dag', nodes).nodes.filter((n) => n.kind === 'group').length).toBe(40);
  }, 120_000);
});
