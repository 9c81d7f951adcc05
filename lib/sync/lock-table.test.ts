import { describe, expect, it } from 'vitest';
import { LockTable, workflowKeyOf } from './lock-table';

const mutex = (name: string) => ({ key: `argo/Mutex/${name}`, kind: 'mutex' as const });

describe('LockTable', () => {
  it('gives a mutex to one holder at a time and wakes the next in line on release', () => {
    const woken: string[] = [];
    const table = new LockTable((key) => woken.push(key));
    expect(table.tryAcquire('argo/a', [mutex('m')]).acquired).toBe(true);
    expect(table.tryAcquire('argo/a', [mutex('m')]).acquired).toBe(true); // already held
    expect(table.tryAcquire('argo/b', [mutex('m')])).toEqual({ acquired: false, message: 'Waiting for argo/Mutex/m lock. Lock status: 0/1', failedLock: 'argo/Mutex/m' });
    table.release('argo/a', 'argo/Mutex/m');
    expect(woken).toEqual(['argo/b']);
    expect(table.tryAcquire('argo/b', [mutex('m')]).acquired).toBe(true);
  });

  it('serves waiters by priority, then creation time, and keeps a free slot for the front of the queue', () => {
    const table = new LockTable();
    table.tryAcquire('argo/holder', [mutex('m')]);
    table.tryAcquire('argo/late', [mutex('m')], 0, '2026-01-01T00:00:02Z');
    table.tryAcquire('argo/early', [mutex('m')], 0, '2026-01-01T00:00:01Z');
    table.tryAcquire('argo/urgent', [mutex('m')], 5, '2026-01-01T00:00:03Z');
    table.release('argo/holder', 'argo/Mutex/m');
    expect(table.tryAcquire('argo/early', [mutex('m')]).acquired).toBe(false);
    expect(table.tryAcquire('argo/urgent', [mutex('m')]).acquired).toBe(true);
  });

  it('takes all locks or none', () => {
    const table = new LockTable();
    table.tryAcquire('argo/a', [mutex('y')]);
    expect(table.tryAcquire('argo/b', [mutex('x'), mutex('y')]).acquired).toBe(false);
    expect(table.holdersOf('argo/Mutex/x')).toEqual([]);
  });

  it('lets nodes of the same workflow share the front of the queue; semaphores follow their limit', () => {
    const table = new LockTable();
    table.setLimit('argo/ConfigMap/c/k', 2);
    const sem = { key: 'argo/ConfigMap/c/k', kind: 'semaphore' as const };
    expect(table.tryAcquire('argo/wf/n1', [sem]).acquired).toBe(true);
    expect(table.tryAcquire('argo/wf/n2', [sem]).acquired).toBe(true);
    expect(table.tryAcquire('argo/wf/n3', [sem]).message).toBe('Waiting for argo/ConfigMap/c/k lock. Lock status: 0/2');
    table.setLimit('argo/ConfigMap/c/k', 3);
    expect(table.tryAcquire('argo/wf/n3', [sem]).acquired).toBe(true);
  });

  it('forgets a deleted workflow', () => {
    const table = new LockTable();
    table.tryAcquire('argo/wf/n1', [mutex('m')]);
    table.releaseWorkflow('argo/wf');
    expect(table.holdersOf('argo/Mutex/m')).toEqual([]);
    expect(workflowKeyOf('argo/wf/n1')).toBe('argo/wf');
  });
});
