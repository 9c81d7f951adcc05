import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { LockTable } from '../sync/lock-table';
import { reconcileWorkflow } from './reconcile';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';

const now = new Date('2026-01-01T00:00:00Z');
const wfLevel = (name: string, sync: string) => workflowFromYaml(`
metadata: {creationTimestamp: "2026-01-01T00:00:0${name.at(-1)}Z"}
spec:
  entrypoint: main
  synchronization: ${sync}
  templates:
  - name: main
    container: {image: busybox}
`, name);

describe('workflow-level synchronization', () => {
  it('queues a second workflow on a held mutex, Pending with Argo\'s message, and wakes it on release', () => {
    const woken: string[] = [];
    const locks = new LockTable((key) => woken.push(key));
    const first = reconcileWorkflow({ workflow: wfLevel('wf1', '{mutexes: [{name: m}]}'), pods: {}, now, locks });
    expect(first.status.phase).toBe('Running');
    expect(first.status.synchronization).toEqual({ mutex: { holding: [{ mutex: 'argo/Mutex/m', holder: 'argo/wf1' }] } });

    const second = reconcileWorkflow({ workflow: wfLevel('wf2', '{mutexes: [{name: m}]}'), pods: {}, now, locks });
    expect(second.status).toMatchObject({ phase: 'Pending', message: 'Waiting for argo/Mutex/m lock. Lock status: 0/1' });
    expect(second.status.synchronization).toEqual({ mutex: { waiting: [{ mutex: 'argo/Mutex/m', holder: 'argo/wf1' }] } });
    expect(second.status.nodes).toBeUndefined();
    expect(second.actions).toEqual([]);

    // The first finishes: its lock goes back and the second is woken, then takes it.
    const podId = 'wf1';
    const done = reconcileWorkflow({ workflow: { ...wfLevel('wf1', '{mutexes: [{name: m}]}'), status: first.status }, pods: { [podId]: { phase: 'Succeeded' } }, now, locks });
    expect(done.status.phase).toBe('Succeeded');
    expect(done.status.synchronization).toBeUndefined();
    expect(woken).toContain('argo/wf2');
    const resumed = reconcileWorkflow({ workflow: { ...wfLevel('wf2', '{mutexes: [{name: m}]}'), status: second.status }, pods: {}, now, locks });
    expect(resumed.status.phase).toBe('Running');
    expect(resumed.status.message).toBeUndefined();
    expect(resumed.status.synchronization?.mutex?.holding).toEqual([{ mutex: 'argo/Mutex/m', holder: 'argo/wf2' }]);
  });

  it('lets as many workflows run as the ConfigMap semaphore allows', () => {
    const locks = new LockTable();
    locks.setLimit('argo/ConfigMap/my-config/workflow', 2);
    const sync = '{semaphores: [{configMapKeyRef: {name: my-config, key: workflow}}]}';
    const phases = ['wf1', 'wf2', 'wf3'].map((name) => reconcileWorkflow({ workflow: wfLevel(name, sync), pods: {}, now, locks }).status);
    expect(phases.map((s) => s.phase)).toEqual(['Running', 'Running', 'Pending']);
    expect(phases[2]!.message).toBe('Waiting for argo/ConfigMap/my-config/workflow lock. Lock status: 0/2');
    expect(phases[1]!.synchronization).toEqual({ semaphore: { holding: [{ semaphore: 'argo/ConfigMap/my-config/workflow', holders: ['argo/wf2'] }] } });
    expect(phases[2]!.synchronization).toEqual({ semaphore: { waiting: [{ semaphore: 'argo/ConfigMap/my-config/workflow', holders: ['argo/wf1', 'argo/wf2'] }] } });
  });

  it('waits with a clear message when the semaphore ConfigMap gives no limit', () => {
    const output = reconcileWorkflow({ workflow: wfLevel('wf1', '{semaphores: [{configMapKeyRef: {name: missing, key: k}}]}'), pods: {}, now, locks: new LockTable() });
    expect(output.status).toMatchObject({ phase: 'Pending', message: 'Failed to get semaphore limit for argo/ConfigMap/missing/k' });
  });

  it('fails a workflow asking for a database lock, which Capstan does not have', () => {
    const output = reconcileWorkflow({ workflow: wfLevel('wf1', '{mutexes: [{name: m, database: true}]}'), pods: {}, now, locks: new LockTable() });
    expect(output.status.phase).toBe('Failed');
    expect(output.status.message).toMatch(/^Failed to acquire the synchronization lock\. synchronization database session is not available/);
  });
});

describe('template-level synchronization', () => {
  const mutexLoop: Workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: acquire, template: locked, withItems: [1, 2, 3]}
  - name: locked
    synchronization: {mutexes: [{name: welcome}]}
    container: {image: busybox}
`);

  it('runs the pods of a mutex template one at a time; waiting nodes are Pending with the lock named', () => {
    const locks = new LockTable();
    const first = reconcileWorkflow({ workflow: mutexLoop, pods: {}, now, locks });
    const nodes = Object.values(first.status.nodes!).filter((n) => n.type === 'Pod');
    expect(first.actions.filter((a) => a.type === 'createPod')).toHaveLength(1);
    expect(nodes.map((n) => n.synchronizationStatus?.waiting)).toEqual([undefined, 'argo/Mutex/welcome', 'argo/Mutex/welcome']);
    expect(nodes[1]).toMatchObject({ phase: 'Pending', message: 'Waiting for argo/Mutex/welcome lock. Lock status: 0/1' });
    expect(first.status.synchronization?.mutex?.holding).toEqual([{ mutex: 'argo/Mutex/welcome', holder: `argo/wf/${nodes[0]!.id}` }]);

    const { workflow: done, created } = simulateWorkflow(mutexLoop, () => ({}), { locks: new LockTable() });
    expect(done.status?.phase).toBe('Succeeded');
    expect(created).toHaveLength(3);
    const pods = Object.values(done.status!.nodes!).filter((n) => n.type === 'Pod');
    const starts = new Set(created.map((c) => c.nodeId));
    expect(starts.size).toBe(3);
    expect(pods.every((p) => !p.synchronizationStatus && p.phase === 'Succeeded')).toBe(true);
    expect(done.status?.synchronization).toBeUndefined();
  });

  it('a waiting pod does not count against parallelism and waits in creation order', () => {
    const { created } = simulateWorkflow(mutexLoop, () => ({}), { locks: new LockTable() });
    expect(created.map((c) => c.nodeName)).toEqual(['wf[0].acquire(0:1)', 'wf[0].acquire(1:2)', 'wf[0].acquire(2:3)']);
  });
});

describe('semaphoresIn', () => {
  it('finds the ConfigMap semaphores of a workflow and its templates, in both spellings', async () => {
    const { semaphoresIn, semaphoreLimitOf } = await import('./synchronization');
    const spec = {
      synchronization: { semaphores: [{ configMapKeyRef: { name: 'my-config', key: 'workflow' } }] },
      templates: [{ name: 'a', synchronization: { semaphore: { namespace: 'other', configMapKeyRef: { name: 'c', key: 'k' } } } }],
    };
    expect(semaphoresIn([spec], 'argo').map((s) => s.lockKey)).toEqual(['argo/ConfigMap/my-config/workflow', 'other/ConfigMap/c/k']);
    expect([semaphoreLimitOf('3'), semaphoreLimitOf('x'), semaphoreLimitOf(undefined)]).toEqual([3, undefined, undefined]);
  });
});
