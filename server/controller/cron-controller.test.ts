import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { SqlResourceStore } from '../cluster/sql-resource-store';
import { createLogger } from '../logger';
import { CronController } from './cron-controller';
import type { Timers } from './cron/cron-timers';
import { openMemoryStore } from '../testing/memory-store';

// The controller against the embedded store (PGlite in memory), with a fake clock and timers: no waiting for minutes.

class FakeClock implements Timers {
  time: number;
  private pending: { at: number; callback: () => void; id: number }[] = [];
  private ids = 0;
  constructor(iso: string) {
    this.time = Date.parse(iso);
  }
  now = () => new Date(this.time);
  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.pending.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }
  /** Moves the clock to `iso`, running the timers due on the way in order. */
  advanceTo(iso: string): void {
    const target = Date.parse(iso);
    for (;;) {
      const next = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
    this.time = target;
  }
}

let store: SqlResourceStore;
const logger = createLogger('silent');
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());

function cronManifest(name: string, spec: Partial<CronWorkflow['spec']> = {}): KubeObject {
  return {
    metadata: { name, namespace: 'argo' },
    spec: {
      schedules: ['* * * * *'],
      workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine', command: ['true'] } }] },
      ...spec,
    },
  };
}

const getCron = (name: string) => store.get<CronWorkflow & KubeObject>('cronworkflows', 'argo', name);
async function runsOf(name: string): Promise<(Workflow & KubeObject)[]> {
  const list = await store.list<Workflow & KubeObject>('workflows', 'argo', { labelSelector: `workflows.argoproj.io/cron-workflow=${name}` });
  return list.items;
}
async function finish(name: string, phase: string, finishedAt: string): Promise<void> {
  const workflow = await store.get<Workflow & KubeObject>('workflows', 'argo', name);
  await store.update('workflows', 'argo', { ...workflow, status: { phase, finishedAt } });
}
function startController(clock: FakeClock) {
  const controller = new CronController(store, logger, { now: clock.now, timers: clock, localZone: 'UTC', collectOwnedWorkflows: true });
  return controller;
}

describe('CronController', () => {
  it('runs on schedule, tracks completions, enforces the history limit and survives a restart without double runs', async () => {
    const clock = new FakeClock('2024-01-01T12:00:30Z');
    await store.create('cronworkflows', 'argo', cronManifest('every-minute', { successfulJobsHistoryLimit: 1, startingDeadlineSeconds: 60 }));
    const controller = startController(clock);
    await controller.start();
    await vi.waitFor(() => expect(controller.nextScheduledTime('argo', 'every-minute')?.toISOString()).toBe('2024-01-01T12:01:00.000Z'));
    expect(await runsOf('every-minute')).toEqual([]);

    clock.advanceTo('2024-01-01T12:01:00.004Z');
    await vi.waitFor(async () => expect((await getCron('every-minute')).status?.lastScheduledTime).toBe('2024-01-01T12:01:00Z'));
    const [first] = await runsOf('every-minute');
    expect(first?.metadata.name).toBe('every-minute-1704110460');
    expect(first?.metadata.annotations?.['workflows.argoproj.io/scheduled-time']).toBe('2024-01-01T12:01:00Z');
    expect((await getCron('every-minute')).status).toMatchObject({ phase: 'Active', active: [{ name: 'every-minute-1704110460' }] });

    await finish('every-minute-1704110460', 'Succeeded', '2024-01-01T12:01:20Z');
    await vi.waitFor(async () => expect((await getCron('every-minute')).status).toMatchObject({ succeeded: 1 }));
    expect((await getCron('every-minute')).status?.active).toBeUndefined();

    clock.advanceTo('2024-01-01T12:02:00.002Z');
    await vi.waitFor(async () => expect((await runsOf('every-minute')).map((w) => w.metadata.name)).toContain('every-minute-1704110520'));
    await finish('every-minute-1704110520', 'Succeeded', '2024-01-01T12:02:20Z');
    // Two succeeded runs, limit one: the older one goes.
    await vi.waitFor(async () => expect((await runsOf('every-minute')).map((w) => w.metadata.name)).toEqual(['every-minute-1704110520']));
    await vi.waitFor(async () => expect((await getCron('every-minute')).status).toMatchObject({ succeeded: 2 }));
    await controller.stop();

    // Down over 12:03; back at 12:03:20, within the 60 s deadline: 12:03 runs once, now.
    clock.advanceTo('2024-01-01T12:03:20Z');
    const restarted = startController(clock);
    await restarted.start();
    await vi.waitFor(async () => expect((await getCron('every-minute')).status?.lastScheduledTime).toBe('2024-01-01T12:03:00Z'));
    await vi.waitFor(() => expect(restarted.nextScheduledTime('argo', 'every-minute')?.toISOString()).toBe('2024-01-01T12:04:00.000Z'));
    await restarted.stop();
    const again = startController(clock);
    await again.start();
    await vi.waitFor(() => expect(again.nextScheduledTime('argo', 'every-minute')).toBeDefined());
    expect((await runsOf('every-minute')).map((w) => w.metadata.name).sort()).toEqual(['every-minute-1704110520', 'every-minute-1704110580']);
    await again.stop();
  });

  it('Replace terminates the running workflow before the next run; Forbid skips while one runs', async () => {
    const clock = new FakeClock('2024-01-01T13:00:30Z');
    await store.create('cronworkflows', 'argo', cronManifest('replace', { concurrencyPolicy: 'Replace' }));
    await store.create('cronworkflows', 'argo', cronManifest('forbid', { concurrencyPolicy: 'Forbid' }));
    const controller = startController(clock);
    await controller.start();
    await vi.waitFor(() => expect(controller.nextScheduledTime('argo', 'forbid')).toBeDefined());
    clock.advanceTo('2024-01-01T13:01:00.001Z');
    await vi.waitFor(async () => expect((await runsOf('replace')).length + (await runsOf('forbid')).length).toBe(2));
    await vi.waitFor(async () => expect((await getCron('forbid')).status?.active).toHaveLength(1));
    await vi.waitFor(async () => expect((await getCron('replace')).status?.active).toHaveLength(1));

    clock.advanceTo('2024-01-01T13:02:00.001Z');
    await vi.waitFor(async () => expect((await runsOf('replace')).map((w) => w.metadata.name).sort()).toEqual(['replace-1704114060', 'replace-1704114120']));
    const replaced = await store.get<Workflow & KubeObject>('workflows', 'argo', 'replace-1704114060');
    expect(replaced.spec.shutdown).toBe('Terminate');
    await vi.waitFor(async () => expect((await getCron('forbid')).metadata.annotations?.['cronworkflows.argoproj.io/last-used-schedule']).toBe('* * * * *'));
    expect((await runsOf('forbid')).map((w) => w.metadata.name)).toEqual(['forbid-1704114060']);
    await controller.stop();
  });

  it('stops scheduling once the stop strategy holds', async () => {
    const clock = new FakeClock('2024-01-01T14:00:30Z');
    await store.create('cronworkflows', 'argo', cronManifest('stopper', { stopStrategy: { expression: 'cronworkflow.failed >= 1' } }));
    const controller = startController(clock);
    await controller.start();
    await vi.waitFor(() => expect(controller.nextScheduledTime('argo', 'stopper')).toBeDefined());
    clock.advanceTo('2024-01-01T14:01:00.001Z');
    await vi.waitFor(async () => expect(await runsOf('stopper')).toHaveLength(1));
    await vi.waitFor(async () => expect((await getCron('stopper')).status?.active).toHaveLength(1));
    await finish('stopper-1704117660', 'Failed', '2024-01-01T14:01:10Z');
    await vi.waitFor(async () => expect((await getCron('stopper')).status).toMatchObject({ failed: 1, phase: 'Stopped' }));
    expect((await getCron('stopper')).metadata.labels?.['cronworkflows.argoproj.io/completed']).toBe('true');
    await vi.waitFor(() => expect(controller.nextScheduledTime('argo', 'stopper')).toBeUndefined());
    clock.advanceTo('2024-01-01T14:05:00Z');
    expect(await runsOf('stopper')).toHaveLength(1);
    await controller.stop();
  });

  it('deletes a deleted CronWorkflow\'s workflows in embedded mode', async () => {
    const clock = new FakeClock('2024-01-01T15:00:30Z');
    await store.create('cronworkflows', 'argo', cronManifest('doomed'));
    const controller = startController(clock);
    await controller.start();
    await vi.waitFor(() => expect(controller.nextScheduledTime('argo', 'doomed')).toBeDefined());
    clock.advanceTo('2024-01-01T15:01:00.001Z');
    await vi.waitFor(async () => expect(await runsOf('doomed')).toHaveLength(1));
    await store.delete('cronworkflows', 'argo', 'doomed');
    await vi.waitFor(async () => expect(await runsOf('doomed')).toHaveLength(0));
    expect(controller.nextScheduledTime('argo', 'doomed')).toBeUndefined();
    await controller.stop();
  });
});
