import { expect, it } from 'vitest';
import type { JobRef } from '@/lib/history/job-ref';
import type { BuildFacts, BuildStore } from './build-store';

// What every BuildStore does, run on each (memory-build-store.test.ts, sql-build-store.test.ts), so the history
// behaves the same with and without a database. Each test works on jobs of its own, so one store serves them all.

let jobs = 0;
const newJob = (): JobRef => ({ kind: 'workflowtemplates', namespace: 'team', name: `job-${++jobs}` });
let uids = 0;

function facts(o: Partial<BuildFacts> = {}): BuildFacts {
  const n = ++uids;
  return {
    uid: `uid-${n}`, namespace: 'team', workflowName: `wf-${n}`, phase: 'Running', message: null,
    startedAt: '2026-01-01T10:00:00Z', finishedAt: null, createdAt: `2026-01-01T10:00:${String(n % 60).padStart(2, '0')}Z`,
    parameters: [], stages: null, trigger: { type: 'user', user: 'ann' }, ...o,
  };
}

export function buildStoreContract(open: () => BuildStore) {
  const store = () => open();

  it('numbers a job\'s builds 1, 2, 3 and a uid numbered twice keeps its number', async () => {
    const job = newJob();
    const first = facts();
    expect(await store().assign(job, first)).toEqual({ number: 1, created: true });
    expect(await store().assign(job, facts())).toEqual({ number: 2, created: true });
    expect(await store().assign(job, first)).toEqual({ number: 1, created: false });
    expect(await store().assign(job, facts())).toEqual({ number: 3, created: true });
  });

  it('gives concurrent numberings consecutive numbers', async () => {
    const job = newJob();
    const numbers = await Promise.all(Array.from({ length: 10 }, () => store().assign(job, facts())));
    expect(numbers.map((n) => n.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps a labelled number, moves the counter past it, and refuses a number or uid already held', async () => {
    const job = newJob();
    const labelled = facts();
    expect(await store().keep(job, 7, labelled)).toBe(true);
    expect(await store().keep(job, 7, facts())).toBe(false);
    expect(await store().keep(job, 9, labelled)).toBe(false);
    expect((await store().assign(job, facts())).number).toBe(8);
  });

  it('reads builds back by uid, number and workflow name, with times as RFC 3339', async () => {
    const job = newJob();
    const f = facts({ parameters: [{ name: 'branch', value: 'main' }], stages: [{ name: 'build', phase: 'Succeeded', startedAt: null, durationSeconds: 3 }] });
    await store().assign(job, f);
    const byUid = await store().byUid(f.uid);
    expect(byUid).toMatchObject({ job, number: 1, uid: f.uid, namespace: 'team', workflowName: f.workflowName, phase: 'Running', live: true, archived: false,
      startedAt: '2026-01-01T10:00:00.000Z', finishedAt: null, parameters: [{ name: 'branch', value: 'main' }], stages: f.stages, trigger: { type: 'user', user: 'ann' } });
    expect(await store().get(job, 1)).toEqual(byUid);
    expect(await store().get(job, 2)).toBeUndefined();
    expect(await store().byWorkflowName('team', f.workflowName)).toEqual({ ...byUid, stages: null });
    expect(await store().byUid('nobody')).toBeUndefined();
  });

  it('updates a running build, keeping stages and parameters unless given', async () => {
    const job = newJob();
    const f = facts({ parameters: [{ name: 'p', value: '1' }] });
    await store().assign(job, f);
    await store().update(f.uid, { phase: 'Succeeded', message: 'done', startedAt: f.startedAt, finishedAt: '2026-01-01T10:05:00Z' });
    expect(await store().byUid(f.uid)).toMatchObject({ phase: 'Succeeded', message: 'done', finishedAt: '2026-01-01T10:05:00.000Z', parameters: [{ name: 'p', value: '1' }], stages: null });
    const stages = [{ name: 'a', phase: 'Succeeded', startedAt: null, durationSeconds: 1 }];
    await store().setStages([{ uid: f.uid, stages }]);
    expect((await store().byUid(f.uid))?.stages).toEqual(stages);
    await store().update('nobody', { phase: 'Failed', message: null, startedAt: null, finishedAt: null });
  });

  it('pages newest first with an exclusive `before`, stages only when asked, and finds neighbours', async () => {
    const job = newJob();
    for (let i = 0; i < 5; i++) await store().assign(job, facts({ stages: [] }));
    expect((await store().page(job, 2)).map((b) => b.number)).toEqual([5, 4]);
    expect((await store().page(job, 10, 4)).map((b) => b.number)).toEqual([3, 2, 1]);
    expect((await store().page(job, 1))[0]?.stages).toBeNull();
    expect((await store().page(job, 1, undefined, true))[0]?.stages).toEqual([]);
    const { previous, next } = await store().neighbours(job, 3);
    expect([previous?.number, next?.number]).toEqual([2, 4]);
    expect(await store().neighbours(job, 5)).toMatchObject({ previous: { number: 4 } });
    expect((await store().neighbours(job, 5)).next).toBeUndefined();
  });

  it('lists completed builds for trends, filtered by parameter values, and each parameter\'s values', async () => {
    const job = newJob();
    await store().assign(job, facts({ phase: 'Succeeded', parameters: [{ name: 'env', value: 'prod' }, { name: 'n', value: '2' }] }));
    await store().assign(job, facts({ phase: 'Failed', parameters: [{ name: 'env', value: 'dev' }] }));
    await store().assign(job, facts({ phase: 'Running', parameters: [{ name: 'env', value: 'qa' }] }));
    await store().assign(job, facts({ phase: 'Error', parameters: [{ name: 'env', value: 'prod' }] }));
    expect((await store().completed(job, 10)).map((b) => [b.number, b.phase])).toEqual([[4, 'Error'], [2, 'Failed'], [1, 'Succeeded']]);
    expect((await store().completed(job, 1)).map((b) => b.number)).toEqual([4]);
    expect((await store().completed(job, 10, [{ name: 'env', value: 'prod' }])).map((b) => b.number)).toEqual([4, 1]);
    expect(await store().parameterValues(job, 10)).toEqual({ env: ['dev', 'prod'], n: ['2'] });
    expect(await store().parameterValues(job, 1)).toEqual({ env: ['prod'] });
  });

  it('summarises jobs: the five newest, last success and failure, count and counter; tells listeners', async () => {
    const job = newJob();
    const heard: string[] = [];
    const stop = store().onSummaryChanged((j) => heard.push(j.name));
    for (const phase of ['Succeeded', 'Failed', 'Succeeded', 'Succeeded', 'Running', 'Running', 'Pending']) await store().assign(job, facts({ phase }));
    stop();
    expect(heard.filter((name) => name === job.name).length).toBeGreaterThanOrEqual(7);
    const never = newJob();
    const summaries = await store().summaries([job, never]);
    const summary = summaries.get(`workflowtemplates/team/${job.name}`);
    expect(summary?.recent.map((b) => b.number)).toEqual([7, 6, 5, 4, 3]);
    expect(summary).toMatchObject({ buildCount: 7, lastNumber: 7, lastSuccess: { number: 4, phase: 'Succeeded' }, lastFailure: { number: 2, phase: 'Failed' } });
    expect(summaries.get(`workflowtemplates/team/${never.name}`)).toEqual({ recent: [], buildCount: 0, lastNumber: 0 });
    expect((await store().allSummaries()).get(`workflowtemplates/team/${job.name}`)).toEqual(summary);
  });

  it('discards completed builds beyond the newest `keep`, never running ones', async () => {
    const job = newJob();
    for (const phase of ['Running', 'Succeeded', 'Failed', 'Succeeded', 'Succeeded']) await store().assign(job, facts({ phase }));
    const discarded = await store().discard(job, 2);
    expect(discarded.map((d) => d.workflowName)).toHaveLength(2);
    expect((await store().page(job, 10)).map((b) => b.number)).toEqual([5, 4, 1]);
    expect((await store().summaries([job])).get(`workflowtemplates/team/${job.name}`)).toMatchObject({ buildCount: 3, lastNumber: 5 });
    expect(await store().discard(newJob(), 1)).toEqual([]);
  });

  it('backfills: free labels are kept, the rest numbered after them in order, known uids skipped', async () => {
    const job = newJob();
    const known = facts();
    await store().assign(job, known);
    const added = await store().backfill(job, [
      { facts: facts(), labelled: 5 },
      { facts: facts({ workflowName: 'copy' }), labelled: 1, copyTrigger: (of) => ({ type: 'retry', retryOf: of }) },
      { facts: facts() },
      { facts: known },
    ]);
    expect(added).toBe(3);
    const builds = await store().page(job, 10);
    expect(builds.map((b) => b.number)).toEqual([7, 6, 5, 1]);
    expect(builds.find((b) => b.workflowName === 'copy')).toMatchObject({ number: 6, trigger: { type: 'retry', retryOf: 1 } });
    expect((await store().assign(job, facts())).number).toBe(9);
  });

  it('tracks which builds are live, and which uids it knows', async () => {
    const job = newJob();
    const a = facts({ namespace: 'live-ns' });
    const b = facts({ namespace: 'live-ns' });
    await store().assign(job, a);
    await store().assign(job, b);
    await store().markGone(a.uid);
    expect(await store().liveUids('live-ns')).toEqual([b.uid]);
    expect(await store().liveUids()).toContain(b.uid);
    expect((await store().byUid(a.uid))?.live).toBe(false);
    expect(await store().knownUids([a.uid, 'nobody'])).toEqual(new Set([a.uid]));
    expect(await store().archivedNodes([])).toEqual(new Map());
  });
}
