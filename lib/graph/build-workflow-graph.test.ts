import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../generated/argo';
import { workflowFromYaml } from '../engine/testing/build-workflow';
import { simulateWorkflow } from '../engine/testing/simulate';
import { buildWorkflowGraph, hiddenNodeId } from './build-workflow-graph';
import { node, nodeMap } from './testing/build-nodes';
import type { WorkflowGraph } from './types';

const edgeList = (graph: WorkflowGraph) => graph.edges.map((e) => `${e.source} > ${e.target}`);
const byLabel = (graph: WorkflowGraph, label: string) => graph.nodes.find((n) => n.label === label);

function simulated(yaml: string, outcome?: Parameters<typeof simulateWorkflow>[1]): Record<string, NodeStatus> {
  return simulateWorkflow(workflowFromYaml(yaml), outcome).workflow.status!.nodes!;
}

describe('buildWorkflowGraph', () => {
  it('draws a DAG from children, with a node shared by two dependencies drawn once', () => {
    const nodes = simulated(`
spec:
  entrypoint: pipeline
  templates:
  - name: pipeline
    dag:
      tasks:
      - {name: build, template: run}
      - {name: unit, template: run, depends: build}
      - {name: integration, template: run, depends: build}
      - {name: deploy, template: run, depends: unit && integration}
  - name: run
    container: {image: busybox}
`);
    const graph = buildWorkflowGraph('wf', nodes);
    expect(graph.nodes.map((n) => `${n.label}:${n.kind}:${n.phase}`)).toEqual([
      'wf:card:Succeeded', 'build:card:Succeeded', 'unit:card:Succeeded', 'integration:card:Succeeded', 'deploy:card:Succeeded',
    ]);
    const id = (label: string) => byLabel(graph, label)!.id;
    expect(edgeList(graph)).toEqual([
      `wf > ${id('build')}`, `${id('build')} > ${id('unit')}`, `${id('build')} > ${id('integration')}`,
      `${id('unit')} > ${id('deploy')}`, `${id('integration')} > ${id('deploy')}`,
    ]);
  });

  it('draws StepGroups as dots and hides the middle of more than three children until expanded', () => {
    const nodes = simulated(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: process, template: run, withSequence: {count: "5"}}
    - - {name: summarise, template: run}
  - name: run
    container: {image: busybox}
`);
    const graph = buildWorkflowGraph('wf', nodes);
    const group0 = Object.values(nodes).find((n) => n.name === 'wf[0]')!;
    expect(byLabel(graph, '[0]')!.kind).toBe('dot');
    const placeholder = graph.nodes.find((n) => n.id === hiddenNodeId(group0.id))!;
    expect(placeholder).toMatchObject({ kind: 'hidden', label: '3 hidden nodes', hiddenCount: 3, expands: group0.id });
    // First child, placeholder, last child: in that order, so the layout draws the placeholder in the middle.
    expect(graph.nodes.filter((n) => n.label.startsWith('process(') || n.kind === 'hidden').map((n) => n.label))
      .toEqual(['process(0:0)', '3 hidden nodes', 'process(4:4)']);
    // The placeholder leads on to the next step group, as the hidden steps do.
    const group1 = Object.values(nodes).find((n) => n.name === 'wf[1]')!;
    expect(edgeList(graph)).toContain(`${placeholder.id} > ${group1.id}`);

    const expanded = buildWorkflowGraph('wf', nodes, { expanded: new Set([group0.id]) });
    expect(expanded.nodes.filter((n) => n.label.startsWith('process(')).length).toBe(5);
    expect(expanded.nodes.some((n) => n.kind === 'hidden')).toBe(false);
    expect(buildWorkflowGraph('wf', nodes, { expanded: new Set(['*']) }).nodes.length).toBe(expanded.nodes.length);
  });

  it('folds a Retry node with its attempts into one card, edges leaving from the fold', () => {
    let attempts = 0;
    const nodes = simulated(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: flaky, template: flaky}
    - - {name: after, template: run}
  - name: flaky
    retryStrategy: {limit: 3}
    container: {image: busybox}
  - name: run
    container: {image: busybox}
`, ({ nodeName }) => (nodeName.startsWith('wf[0].flaky') && attempts++ < 2 ? { phase: 'Failed' } : {}));
    const retry = Object.values(nodes).find((n) => n.type === 'Retry')!;
    const open = buildWorkflowGraph('wf', nodes);
    expect(open.nodes.filter((n) => n.label.startsWith('flaky(')).map((n) => `${n.label}:${n.phase}`))
      .toEqual(['flaky(0):Failed', 'flaky(1):Failed', 'flaky(2):Succeeded']);
    expect(open.nodes.find((n) => n.id === retry.id)).toMatchObject({ kind: 'card', collapsible: true, hiddenCount: 0 });

    const folded = buildWorkflowGraph('wf', nodes, { collapsed: new Set([retry.id]) });
    expect(folded.nodes.some((n) => n.label.startsWith('flaky('))).toBe(false);
    expect(folded.nodes.find((n) => n.id === retry.id)).toMatchObject({ kind: 'card', hiddenCount: 3 });
    const group1 = Object.values(nodes).find((n) => n.name === 'wf[1]')!;
    expect(edgeList(folded)).toContain(`${retry.id} > ${group1.id}`);
  });

  it('folds a TaskGroup (a looping task) into a card that stands for its items', () => {
    const nodes = simulated(`
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: fan, template: run, withItems: [a, b]}
      - {name: sink, template: run, depends: fan}
  - name: run
    container: {image: busybox}
`);
    const group = Object.values(nodes).find((n) => n.type === 'TaskGroup')!;
    expect(buildWorkflowGraph('wf', nodes).nodes.find((n) => n.id === group.id)!.kind).toBe('dot');
    const folded = buildWorkflowGraph('wf', nodes, { collapsed: new Set([group.id]) });
    expect(folded.nodes.map((n) => n.label)).toEqual(['wf', 'fan', 'sink']);
    expect(folded.nodes[1]).toMatchObject({ kind: 'card', hiddenCount: 2 });
  });

  it('dims skipped and omitted nodes and shows a running Suspend node as Suspended', () => {
    const nodes = nodeMap(
      node('wf', { type: 'DAG', children: ['wf.a', 'wf.b', 'wf.c'] }),
      node('wf.a', { type: 'Skipped', phase: 'Skipped', message: "when 'false' evaluated false" }),
      node('wf.b', { type: 'Skipped', phase: 'Omitted' }),
      node('wf.c', { type: 'Suspend', phase: 'Running' }),
    );
    const graph = buildWorkflowGraph('wf', nodes);
    expect(graph.nodes.map((n) => `${n.label}:${n.phase}:${n.dimmed}`)).toEqual([
      'wf:Succeeded:false', 'a:Skipped:true', 'b:Omitted:true', 'c:Suspended:false',
    ]);
  });

  it('hangs the exit handler under the workflow’s last pods and draws its own nodes', () => {
    const nodes = nodeMap(
      node('wf', { type: 'Steps', children: ['wf[0]'], outboundNodes: ['wf[0].a'] }),
      node('wf[0]', { type: 'StepGroup', children: ['wf[0].a'] }),
      node('wf[0].a'),
      node('wf.onExit', { type: 'Steps', children: ['wf.onExit[0]'] }),
      node('wf.onExit[0]', { type: 'StepGroup', children: ['wf.onExit[0].notify'] }),
      node('wf.onExit[0].notify'),
    );
    expect(edgeList(buildWorkflowGraph('wf', nodes))).toEqual([
      'wf > wf[0]', 'wf[0] > wf[0].a', 'wf.onExit > wf.onExit[0]', 'wf.onExit[0] > wf.onExit[0].notify', 'wf[0].a > wf.onExit',
    ]);
  });

  it("labels the exit handler without the workflow's name in front, which a card would truncate away", () => {
    const nodes = nodeMap(
      node('exit-handlers-w82xv', { type: 'Pod' }),
      node('exit-handlers-w82xv.onExit', { type: 'Pod', displayName: 'exit-handlers-w82xv.onExit' }),
    );
    expect(buildWorkflowGraph('exit-handlers-w82xv', nodes).nodes.map((n) => n.label)).toEqual(['exit-handlers-w82xv', 'onExit']);
  });

  it('ignores children that are not in status.nodes and returns an empty graph without a root', () => {
    const nodes = nodeMap(node('wf', { type: 'DAG', children: ['gone', 'wf.a'] }), node('wf.a'));
    expect(buildWorkflowGraph('wf', nodes).nodes.map((n) => n.id)).toEqual(['wf', 'wf.a']);
    expect(buildWorkflowGraph('other', nodes)).toEqual({ nodes: [], edges: [] });
  });
});
