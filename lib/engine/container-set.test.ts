import { describe, expect, it } from 'vitest';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';
import { createdPods, nodesBy, stepWorkflow } from './testing/step-workflow';

const graph = `
spec:
  entrypoint: main
  templates:
  - name: main
    containerSet:
      containers:
      - {name: a, image: argoproj/argosay:v2}
      - {name: b, image: argoproj/argosay:v2, dependencies: [a]}
      - {name: c, image: argoproj/argosay:v2, dependencies: [a]}
      - {name: d, image: argoproj/argosay:v2, dependencies: [b, c]}
`;

describe('containerSet templates', () => {
  it('create one pod and a Container node per container, wired by dependencies, as Argo', () => {
    const output = stepWorkflow(graph, { name: 'graph' }).reconcile();
    const nodes = nodesBy(output.status.nodes, 'name');
    expect(createdPods(output.actions)).toHaveLength(1);
    expect(nodes.graph).toMatchObject({ type: 'Pod', phase: 'Pending', children: [nodes['graph.a']!.id] });
    expect(nodes['graph.a']).toMatchObject({
      type: 'Container', displayName: 'a', templateName: 'main', templateScope: 'local/graph', boundaryID: 'graph', phase: 'Pending',
      children: [nodes['graph.b']!.id, nodes['graph.c']!.id],
    });
    expect(nodes['graph.b']!.children).toEqual([nodes['graph.d']!.id]);
    expect(nodes['graph.c']!.children).toEqual([nodes['graph.d']!.id]);
    expect(nodes['graph.d']!.children).toBeUndefined();
    // Containers count towards progress, as in Argo.
    expect(output.status.progress).toBe('0/5');
  });

  it('follow the container statuses: running, succeeded, failed with the container in the message, emissary errors', () => {
    const stepper = stepWorkflow(graph, { name: 'graph' });
    stepper.reconcile();
    const running = stepper.reconcile(
      { graph: { phase: 'Running', containers: [{ name: 'a', state: 'terminated', exitCode: 0, reason: 'Completed' }, { name: 'b', state: 'running' }, { name: 'c', state: 'waiting' }] } },
      1,
    );
    let nodes = nodesBy(running.status.nodes, 'name');
    expect([nodes['graph.a']!.phase, nodes['graph.b']!.phase, nodes['graph.c']!.phase, nodes['graph.d']!.phase]).toEqual(['Succeeded', 'Running', 'Pending', 'Pending']);
    expect(nodes['graph.a']!.finishedAt).toBe('2026-01-01T00:00:01Z');
    const failed = stepper.reconcile({ graph: { phase: 'Failed', message: 'b: Error (exit code 2)', containers: [
      { name: 'a', state: 'terminated', exitCode: 0, reason: 'Completed' },
      { name: 'b', state: 'terminated', exitCode: 2, reason: 'Error' },
      { name: 'c', state: 'running' },
      { name: 'd', state: 'terminated', exitCode: 64, reason: 'Error', message: 'dependency "b" exited with non-zero code: 2' },
    ] } }, 2);
    nodes = nodesBy(failed.status.nodes, 'name');
    expect(failed.status.phase).toBe('Failed');
    expect(nodes['graph.b']).toMatchObject({ phase: 'Failed', message: 'b: Error (exit code 2): ' });
    expect(nodes['graph.c']).toMatchObject({ phase: 'Failed', message: 'Pod Failed whilst container running' });
    expect(nodes['graph.d']).toMatchObject({ phase: 'Error', message: 'd: Error (exit code 64): dependency "b" exited with non-zero code: 2' });
  });

  it("builds the node tree Argo v3.7.9 built on the test bed for a containerSet step followed by another step", () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: group, template: group}
    - - {name: after, template: after}
  - name: group
    containerSet:
      volumeMounts:
      - {name: workspace, mountPath: /workspace}
      containers:
      - {name: a, image: busybox, command: [echo, a]}
      - {name: b, image: busybox, command: [echo, b], dependencies: [a]}
      - {name: c, image: busybox, command: [echo, c], dependencies: [a]}
      - {name: main, image: busybox, command: [echo, d], dependencies: [b, c]}
  - name: after
    container: {image: busybox, command: [echo]}
  volumes:
  - name: workspace
    emptyDir: {}
`, 'cs-oracle');
    const { workflow: done } = simulateWorkflow(workflow);
    const nodes = done.status?.nodes ?? {};
    const nameOf = (id: string | undefined) => (id ? nodes[id]?.name : undefined) ?? '-';
    const summary = Object.fromEntries(Object.values(nodes).map((n) => [
      n.name, `${n.type} ${n.phase} ${n.progress} ${nameOf(n.boundaryID)} -> ${(n.children ?? []).map(nameOf).join(',') || '-'}`,
    ]));
    // Observed from Argo v3.7.9's controller (namespace argo-oracle, kwok node).
    expect(summary).toEqual({
    'cs-oracle': 'Steps Succeeded 6/6 - -> cs-oracle[0]',
    'cs-oracle[0]': 'StepGroup Succeeded 6/6 cs-oracle -> cs-oracle[0].group',
    'cs-oracle[0].group': 'Pod Succeeded 1/1 cs-oracle -> cs-oracle[0].group.a',
    'cs-oracle[0].group.a': 'Container Succeeded 1/1 cs-oracle[0].group -> cs-oracle[0].group.b,cs-oracle[0].group.c',
    'cs-oracle[0].group.b': 'Container Succeeded 1/1 cs-oracle[0].group -> cs-oracle[0].group.main',
    'cs-oracle[0].group.c': 'Container Succeeded 1/1 cs-oracle[0].group -> cs-oracle[0].group.main',
    'cs-oracle[0].group.main': 'Container Succeeded 1/1 cs-oracle[0].group -> cs-oracle[1]',
    'cs-oracle[1]': 'StepGroup Succeeded 1/1 cs-oracle -> cs-oracle[1].after',
    'cs-oracle[1].after': 'Pod Succeeded 1/1 cs-oracle -> -',
    });
    expect(done.status?.progress).toBe('6/6');
    expect(nodes['cs-oracle']!.outboundNodes!.map(nameOf)).toEqual(['cs-oracle[1].after']);
  });
});
