import { describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '../generated/argo';
import { workflowFromYaml } from './testing/build-workflow';
import { loadExamples } from './testing/load-examples';
import { simulateWorkflow } from './testing/simulate';

/** The most pods (optionally under one boundary) that were Pending or Running at the same simulated second. */
function maxConcurrentPods(workflow: Workflow, inBoundary?: (node: NodeStatus) => boolean): number {
  const pods = Object.values(workflow.status?.nodes ?? {}).filter((n) => n.type === 'Pod' && (!inBoundary || inBoundary(n)));
  let most = 0;
  for (const pod of pods) {
    const at = Date.parse(pod.startedAt ?? '');
    const overlapping = pods.filter((p) => Date.parse(p.startedAt ?? '') <= at && at < Date.parse(p.finishedAt ?? ''));
    most = Math.max(most, overlapping.length);
  }
  return most;
}

const example = (file: string): Workflow => {
  const doc = loadExamples().find((d) => d.file === file);
  if (!doc) throw new Error(`no example ${file}`);
  const workflow = structuredClone(doc.object) as unknown as Workflow;
  workflow.metadata = { ...workflow.metadata, name: 'example', namespace: 'argo', uid: 'uid-1' };
  return workflow;
};

describe('parallelism', { timeout: 30_000 }, () => {
  it('spec.parallelism caps the pods running at once (parallelism-limit.yaml: 10 items, 2 at a time)', () => {
    const { workflow } = simulateWorkflow(example('parallelism-limit.yaml'));
    expect(workflow.status?.phase).toBe('Succeeded');
    expect(Object.values(workflow.status!.nodes!).filter((n) => n.type === 'Pod')).toHaveLength(10);
    expect(maxConcurrentPods(workflow)).toBe(2);
  });

  it('a steps template runs its children one at a time with parallelism: 1 (parallelism-nested.yaml)', () => {
    const { workflow } = simulateWorkflow(example('parallelism-nested.yaml'));
    expect(workflow.status?.phase).toBe('Succeeded');
    const nodes = workflow.status!.nodes!;
    const workers = Object.values(nodes).filter((n) => n.templateName === 'seq-worker');
    expect(workers).toHaveLength(4);
    for (const worker of workers) expect(maxConcurrentPods(workflow, (n) => n.boundaryID === worker.id)).toBe(1);
    // The four workers themselves run in parallel.
    expect(maxConcurrentPods(workflow)).toBe(4);
  });

  it('a DAG template caps its active children (parallelism-nested-dag.yaml: at most 2 of b2..b4 at once)', () => {
    const { workflow } = simulateWorkflow(example('parallelism-nested-dag.yaml'));
    expect(workflow.status?.phase).toBe('Succeeded');
    const nodes = Object.values(workflow.status!.nodes!);
    const bs = nodes.filter((n) => n.templateName === 'B' && ['b2', 'b3', 'b4'].includes(n.displayName ?? ''));
    for (const b of bs) {
      const overlapping = bs.filter((o) => Date.parse(o.startedAt!) <= Date.parse(b.startedAt!) && Date.parse(b.startedAt!) < Date.parse(o.finishedAt!));
      expect(overlapping.length).toBeLessThanOrEqual(2);
    }
    expect(new Set(bs.map((b) => b.startedAt)).size).toBeGreaterThan(1);
  });

  it('parallelism-nested-workflow.yaml and loops-arbitrary-sequential-steps.yaml succeed', () => {
    for (const file of ['parallelism-nested-workflow.yaml', 'loops-arbitrary-sequential-steps.yaml']) {
      expect(simulateWorkflow(example(file), () => ({}), { maxSteps: 500 }).workflow.status?.phase).toBe('Succeeded');
    }
  });

  it('failFast on a parallel template stops starting children after one fails, and fails the template', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    parallelism: 1
    failFast: true
    steps:
    - - {name: run, template: job, withItems: [1, 2, 3, 4]}
  - name: job
    inputs: {parameters: [{name: n, value: "{{item}}"}]}
    container: {image: busybox}
`);
    const { workflow: done, created } = simulateWorkflow(workflow, ({ nodeName }) => (nodeName.includes('(1:2)') ? { phase: 'Failed' } : {}));
    expect(done.status?.phase).toBe('Failed');
    expect(created.map((c) => c.nodeName)).toEqual(['wf[0].run(0:1)', 'wf[0].run(1:2)']);
    const root = done.status!.nodes!['wf']!;
    expect(root).toMatchObject({ phase: 'Failed', message: 'template has failed or errored children and failFast enabled' });
  });

  it('never runs more pods than spec.parallelism, whatever the limit and fan-out', () => {
    for (const [limit, items] of [1, 2, 3, 4].flatMap((l) => [1, 3, 8].map((i) => [l, i] as const))) {
      const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  parallelism: ${limit}
  templates:
  - name: main
    dag:
      tasks:
      - {name: fan, template: job, withSequence: {count: "${items}"}}
      - {name: last, template: job, depends: fan}
  - name: job
    container: {image: busybox}
`);
      const { workflow: done } = simulateWorkflow(workflow, () => ({}), { maxSteps: 100 });
      expect(done.status?.phase).toBe('Succeeded');
      expect(maxConcurrentPods(done)).toBe(Math.min(limit, items));
    }
  });
});
