import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '../generated/argo';
import { toNodeId } from './node-names';
import { isFulfilled, isNodeFulfilled } from './phases';
import { reconcileWorkflow } from './reconcile';
import { isSameJson } from './same-json';
import { secondsAfterStart } from './testing/step-workflow';
import type { EngineInput, EngineOutput, PodObservation } from './types';

// Invariants of the engine over generated workflows: random DAGs (enhanced `depends` or `dependencies`,
// `continueOn`, `when`, retries, workflow and template parallelism) and random steps, driven to the end with pods that succeed, fail
// or error as a generated table says. Each reconcile is checked, not only the end.

type Outcome = 'Succeeded' | 'Failed' | 'Error';
const outcomes = fc.constantFrom<Outcome>('Succeeded', 'Succeeded', 'Succeeded', 'Failed', 'Error');
const results = ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted'];

interface DagCase {
  workflow: Workflow;
  /** The tasks each task depends on, by task name. */
  dependencies: Record<string, string[]>;
  /** How the n-th pod to be created ends. */
  outcomes: Outcome[];
}

const dagCase: fc.Arbitrary<DagCase> = fc
  .record({
    size: fc.integer({ min: 1, max: 7 }),
    edges: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 7, maxLength: 7 }),
    useDepends: fc.boolean(),
    operators: fc.array(fc.constantFrom('&&', '||'), { minLength: 7, maxLength: 7 }),
    suffixes: fc.array(fc.constantFrom('', '', ...results.map((r) => `.${r}`)), { minLength: 7, maxLength: 7 }),
    continueOnFailed: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    skipped: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    retries: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    parallelism: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    dagParallelism: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    failFast: fc.boolean(),
    outcomes: fc.array(outcomes, { minLength: 30, maxLength: 30 }),
  })
  .map((g) => {
    const names = Array.from({ length: g.size }, (_, i) => `t${i}`);
    const dependencies: Record<string, string[]> = {};
    const tasks = names.map((name, i) => {
      const deps = names.slice(0, i).filter((_, j) => g.edges[i]![j]);
      dependencies[name] = deps;
      const task: Record<string, unknown> = { name, template: 'work' };
      if (deps.length && g.useDepends) task.depends = deps.map((d, k) => `${d}${g.suffixes[(i + k) % 7]}`).join(` ${g.operators[i]} `);
      else if (deps.length) task.dependencies = deps;
      if (!g.useDepends && g.continueOnFailed[i]) task.continueOn = { failed: true };
      if (g.skipped[i] && i % 3 === 2) task.when = '{{workflow.name}} == nobody';
      return task;
    });
    const workflow = {
      metadata: { name: 'wf', namespace: 'argo', uid: 'uid-1' },
      spec: {
        entrypoint: 'main',
        ...(g.parallelism ? { parallelism: g.parallelism } : {}),
        templates: [
          { name: 'main', ...(g.dagParallelism ? { parallelism: g.dagParallelism } : {}), dag: { tasks, ...(g.failFast ? {} : { failFast: false }) } },
          { name: 'work', container: { image: 'busybox' }, ...(g.retries ? { retryStrategy: { limit: g.retries } } : {}) },
        ],
      },
    } as unknown as Workflow;
    return { workflow, dependencies, outcomes: g.outcomes };
  });

const stepsCase = fc
  .record({
    groups: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
    continueOn: fc.boolean(),
    parallelism: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    outcomes: fc.array(outcomes, { minLength: 30, maxLength: 30 }),
  })
  .map((g) => ({
    workflow: {
      metadata: { name: 'wf', namespace: 'argo', uid: 'uid-1' },
      spec: {
        entrypoint: 'main',
        ...(g.parallelism ? { parallelism: g.parallelism } : {}),
        templates: [
          {
            name: 'main',
            steps: g.groups.map((width, i) => Array.from({ length: width }, (_, j) => ({
              name: `s${i}-${j}`, template: 'work', ...(g.continueOn && j === 0 ? { continueOn: { failed: true, error: true } } : {}),
            }))),
          },
          { name: 'work', container: { image: 'busybox' } },
        ],
      },
    } as unknown as Workflow,
    dependencies: {} as Record<string, string[]>,
    outcomes: g.outcomes,
  }));

const reconcile = (input: EngineInput) => reconcileWorkflow(input);

/** The checks that hold for any status the engine returns. */
function checkStatus(workflow: Workflow, output: EngineOutput): void {
  const nodes = output.status.nodes ?? {};
  for (const [id, node] of Object.entries(nodes)) {
    // IDs are keys, and Argo's hash of the name.
    expect(node.id).toBe(id);
    expect(id).toBe(toNodeId('wf', node.name));
    // As in Argo, a task waiting for a parallelism slot is already linked under its parents (Argo's executeDAGTask
    // connects it before executeTemplate refuses it), so only then may a child not exist yet.
    const limited = workflow.spec?.parallelism !== undefined || workflow.spec?.templates?.[0]?.parallelism !== undefined;
    const waiting = limited && !isFulfilled(output.status.phase);
    if (!waiting) for (const child of node.children ?? []) expect(nodes[child], `${node.name} has child ${child}`).toBeDefined();
    for (const outbound of node.outboundNodes ?? []) expect(nodes[outbound], `${node.name} has outbound ${outbound}`).toBeDefined();
    if (node.boundaryID) expect(nodes[node.boundaryID], `${node.name} is bounded by ${node.boundaryID}`).toBeDefined();
    const [done, total] = (node.progress ?? '0/0').split('/').map(Number);
    expect(done).toBeLessThanOrEqual(total!);
  }
  // The workflow never succeeds while something still runs or waits.
  if (output.status.phase === 'Succeeded') {
    const open = Object.values(nodes).filter((n) => !isNodeFulfilled(n));
    expect(open.map((n) => n.name)).toEqual([]);
  }
  // Neither the workflow's parallelism nor the DAG template's is exceeded.
  const active = Object.values(nodes).filter((n) => n.type === 'Pod' && (n.phase === 'Pending' || n.phase === 'Running'));
  const limit = workflow.spec?.parallelism;
  if (limit !== undefined) expect(active.length).toBeLessThanOrEqual(Number(limit));
  const templateLimit = workflow.spec?.templates?.[0]?.parallelism;
  if (templateLimit !== undefined) expect(active.filter((n) => n.boundaryID === 'wf').length).toBeLessThanOrEqual(Number(templateLimit));
}

/** Checks between one status and the next: ended nodes stay ended; a DAG task starts only after its dependencies end. */
function checkTransition(before: Record<string, NodeStatus>, after: Record<string, NodeStatus>, dependencies: Record<string, string[]>): void {
  for (const [id, node] of Object.entries(before)) {
    expect(after[id], `${node.name} disappeared`).toBeDefined();
    if (isFulfilled(node.phase)) expect(after[id]!.phase, `${node.name} was revived`).toBe(node.phase);
  }
  for (const node of Object.values(after)) {
    if (before[node.id]) continue;
    const task = /^wf\.(t\d+)$/.exec(node.name)?.[1];
    if (!task) continue;
    for (const dependency of dependencies[task] ?? []) {
      const depNode = after[toNodeId('wf', `wf.${dependency}`)];
      expect(depNode && isNodeFulfilled(depNode), `${task} started before ${dependency} ended`).toBe(true);
    }
  }
}

/** Drives a case to the end, checking every reconcile; returns the final workflow. */
function drive({ workflow: start, dependencies, outcomes: table }: { workflow: Workflow; dependencies: Record<string, string[]>; outcomes: Outcome[] }): Workflow {
  let workflow = start;
  const pods: Record<string, PodObservation> = {};
  const running = new Set<string>();
  let created = 0;
  const endings = new Map<string, Outcome>();
  for (let step = 0; step < 60; step++) {
    const now = secondsAfterStart(step);
    const input: EngineInput = { workflow, pods: { ...pods }, now };
    const output = reconcile(input);
    // Same input, same output.
    expect(reconcile(input)).toEqual(output);
    checkStatus(workflow, output);
    checkTransition(workflow.status?.nodes ?? {}, output.status.nodes ?? {}, dependencies);
    const next = { ...workflow, status: output.status };
    // Nothing new observed: nothing changes (a pod not yet seen may be asked for again; creating is idempotent).
    const again = reconcile({ workflow: next, pods: { ...pods }, now });
    expect(again.changed).toBe(false);
    expect(isSameJson(again.status, output.status)).toBe(true);
    for (const action of again.actions) {
      if (action.type === 'createPod') expect(output.status.nodes?.[action.nodeId]?.phase).toBe('Pending');
      else expect(action.type).toBe('requeue');
    }
    workflow = next;
    if (isFulfilled(output.status.phase)) {
      // A finished workflow stays as it is.
      expect(reconcile({ workflow, pods, now: secondsAfterStart(step + 1) }).changed).toBe(false);
      return workflow;
    }
    // Pods seen running last time end now, as the table says; new pods are seen running.
    for (const id of running) pods[id] = { phase: endings.get(id)!, ...(endings.get(id) === 'Succeeded' ? { exitCode: 0 } : { exitCode: 1 }) };
    running.clear();
    for (const action of output.actions) {
      if (action.type !== 'createPod' || pods[action.nodeId]) continue;
      endings.set(action.nodeId, table[created++ % table.length]!);
      pods[action.nodeId] = { phase: 'Running' };
      running.add(action.nodeId);
    }
  }
  throw new Error(`did not finish: ${JSON.stringify(workflow.status?.nodes)}`);
}

// A generous cap: on a machine shared with builds these take seconds, not the usual milliseconds.
describe('engine properties', { timeout: 30_000 }, () => {
  it('random DAGs: deterministic, a fixpoint without news, well-wired, never revives, respects dependencies and parallelism', () => {
    fc.assert(fc.property(dagCase, (c) => {
      const done = drive(c);
      expect(['Succeeded', 'Failed', 'Error']).toContain(done.status?.phase);
    }), { numRuns: 30 });
  });

  it('random steps: the same invariants, and every group waits for the one before', () => {
    fc.assert(fc.property(stepsCase, (c) => {
      const done = drive(c);
      const nodes = Object.values(done.status?.nodes ?? {});
      const groupStart = (i: number) => nodes.find((n) => n.name === `wf[${i}]`)?.startedAt;
      for (const node of nodes.filter((n) => n.type === 'Pod')) {
        const group = Number(/^wf\[(\d+)\]/.exec(node.name)?.[1] ?? -1);
        const previous = nodes.filter((n) => n.type === 'Pod' && n.name.startsWith(`wf[${group - 1}].`));
        for (const p of previous) expect(Date.parse(p.finishedAt!)).toBeLessThanOrEqual(Date.parse(node.startedAt!));
        expect(groupStart(group)).toBeDefined();
      }
    }), { numRuns: 20 });
  });
});
