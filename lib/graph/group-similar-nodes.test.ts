import { describe, expect, it } from 'vitest';
import { buildWorkflowGraph, groupAbove } from './build-workflow-graph';
import { groupNodeId } from './group-similar-nodes';
import { generateLargeDag } from './testing/large-dag';
import { node, nodeMap } from './testing/build-nodes';

describe('grouping similar nodes of a large graph', () => {
  it('draws a 10,000-task DAG as one group per layer, joined by one edge per pair of groups', () => {
    const nodes = generateLargeDag({ tasks: 10_000, width: 100 });
    const failed = Object.values(nodes).find((n) => n.name === 'big-dag.task-150')!;
    nodes[failed.id] = { ...failed, phase: 'Failed' };
    const graph = buildWorkflowGraph('big-dag', nodes);
    expect(graph.nodes.length).toBe(101);
    const [root, first, second] = graph.nodes;
    expect(root!.id).toBe('big-dag');
    expect(first).toMatchObject({ kind: 'group', label: 'work ×100', hiddenCount: 100, phase: 'Succeeded', expands: first!.id });
    // The group shows its worst phase, and counts.
    expect(second).toMatchObject({ phase: 'Failed', phaseCounts: { Succeeded: 99, Failed: 1 } });
    expect(graph.edges.map((e) => `${e.source} > ${e.target}`).slice(0, 2)).toEqual([`big-dag > ${first!.id}`, `${first!.id} > ${second!.id}`]);
    expect(graph.edges.length).toBe(100);
  });

  it('opens a group member by member, with edges to the neighbouring groups', () => {
    const nodes = generateLargeDag({ tasks: 1_000, width: 100 });
    const closed = buildWorkflowGraph('big-dag', nodes);
    const second = closed.nodes[2]!.id;
    const graph = buildWorkflowGraph('big-dag', nodes, { expanded: new Set([second]) });
    expect(graph.nodes.length).toBe(closed.nodes.length - 1 + 100);
    const members = graph.nodes.filter((n) => n.label.startsWith('task-1') && n.kind === 'card');
    expect(members.length).toBeGreaterThan(0);
    expect(graph.edges.some((e) => e.source === closed.nodes[1]!.id && e.target === members[0]!.id)).toBe(true);
    // Expand all draws every node.
    expect(buildWorkflowGraph('big-dag', nodes, { expanded: new Set(['*']) }).nodes.length).toBe(1_001);
  });

  it('keeps small sets of similar nodes and small graphs as they are', () => {
    const nodes = nodeMap(
      node('wf', { type: 'DAG', children: ['wf.a', 'wf.b'] }),
      node('wf.a', { boundaryID: 'wf', templateName: 'run' }),
      node('wf.b', { boundaryID: 'wf', templateName: 'run' }),
    );
    expect(buildWorkflowGraph('wf', nodes).nodes.map((n) => n.kind)).toEqual(['card', 'card', 'card']);
    expect(groupAbove).toBeGreaterThan(100);
  });

  it('groups the items of a loop and leaves different templates apart', () => {
    const items = Array.from({ length: groupAbove }, (_, i) => node(`wf.fan(${i})`, { boundaryID: 'wf', templateName: 'item', children: ['wf.join'] }));
    const nodes = nodeMap(
      node('wf', { type: 'DAG', children: ['wf.fan'] }),
      node('wf.fan', { type: 'TaskGroup', boundaryID: 'wf', children: items.map((n) => n.id) }),
      ...items,
      node('wf.join', { boundaryID: 'wf', templateName: 'join' }),
    );
    const graph = buildWorkflowGraph('wf', nodes);
    expect(graph.nodes.map((n) => `${n.kind}:${n.label}`)).toEqual(['card:wf', 'dot:fan', `group:item ×${groupAbove}`, 'card:join']);
    expect(graph.nodes[2]!.id).toBe(groupNodeId(`wf/item/2`));
  });
});
