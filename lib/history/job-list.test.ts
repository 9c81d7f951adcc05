import { describe, expect, it } from 'vitest';
import type { JobDescription } from './describe-job';
import { compareJobs, dependsOnNow, isDescriptionCurrent, isJobInNamespace, jobList } from './job-list';
import type { JobKind } from './job-ref';
import { type JobHistory, noHistory } from './job-summary';
import { compileViewFilter } from './view-filter';

const job = (kind: JobKind, namespace: string, name: string, folder = ''): JobDescription =>
  ({ kind, namespace, name, folder, description: '', labels: {}, parameters: [], stages: [] });
const built = (phase: string, number = 1): JobHistory =>
  ({ recent: [{ number, phase, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z' }], buildCount: number, lastNumber: number });
const now = new Date('2026-01-01T01:00:00Z');

describe('jobList', () => {
  const jobs = [
    job('workflowtemplates', 'b', 'deploy', 'team-a'),
    job('cronworkflows', 'a', 'nightly', 'team-a/backend'),
    job('workflowtemplates', 'a', 'deploy', 'team-a'),
    job('clusterworkflowtemplates', '', 'deploy', 'team-a'),
    job('workflowtemplates', 'a', 'alpha'),
  ];
  const histories = new Map([['workflowtemplates/a/deploy', built('Failed', 7)], ['cronworkflows/a/nightly', built('Succeeded', 3)]]);

  it('sorts by folder, name, namespace and kind, and joins each job with its history', () => {
    const { items } = jobList(jobs, (key) => histories.get(key), [], now);
    expect(items.map((j) => `${j.folder}|${j.name}|${j.namespace}|${j.kind}`)).toEqual([
      '|alpha|a|workflowtemplates',
      'team-a|deploy||clusterworkflowtemplates',
      'team-a|deploy|a|workflowtemplates',
      'team-a|deploy|b|workflowtemplates',
      'team-a/backend|nightly|a|cronworkflows',
    ]);
    expect(items[2]).toMatchObject({ lastBuild: { number: 7, phase: 'Failed' }, nextNumber: 8, buildCount: 7 });
    // A job never built has the empty history.
    expect(items[0]).toMatchObject({ buildCount: 0, nextNumber: 1, health: { weather: 'none' } });
    expect(items[0]).not.toHaveProperty('lastBuild');
  });

  it('filters on the last phase and other fields, but keeps the folder tree of every job', () => {
    const { items, folders } = jobList(jobs, (key) => histories.get(key), [compileViewFilter({ lastStatus: ['Failed', 'Succeeded'] }), compileViewFilter({ folder: 'team-a' })], now);
    expect(items.map((j) => j.name)).toEqual(['deploy', 'nightly']);
    expect(folders).toEqual([{ name: 'team-a', path: 'team-a', jobCount: 4, children: [{ name: 'backend', path: 'team-a/backend', jobCount: 1, children: [] }] }]);
    expect(jobList(jobs, (key) => histories.get(key), [compileViewFilter({ lastStatus: ['None'] })], now).items).toHaveLength(3);
  });

  it('merges lists that are each sorted (one per kind) into the same order as one sort', () => {
    const perKind = ['workflowtemplates', 'cronworkflows', 'clusterworkflowtemplates'].map((kind) => jobs.filter((j) => j.kind === kind).sort(compareJobs)).flat();
    expect(jobList(perKind, () => noHistory, [], now).items.map((j) => `${j.kind}/${j.namespace}/${j.name}`))
      .toEqual(jobList(jobs, () => noHistory, [], now).items.map((j) => `${j.kind}/${j.namespace}/${j.name}`));
  });
});

describe('isDescriptionCurrent', () => {
  it('holds until a CronWorkflow’s next run has passed', () => {
    expect(isDescriptionCurrent({}, now)).toBe(true);
    expect(isDescriptionCurrent({ nextRun: null }, now)).toBe(true);
    expect(isDescriptionCurrent({ nextRun: '2026-01-01T01:00:01Z' }, now)).toBe(true);
    expect(isDescriptionCurrent({ nextRun: '2026-01-01T01:00:00Z' }, now)).toBe(false);
  });
});

describe('isJobInNamespace', () => {
  it('keeps every job for all namespaces, and cluster templates in each', () => {
    expect(isJobInNamespace({ kind: 'workflowtemplates', namespace: 'a' }, '')).toBe(true);
    expect(isJobInNamespace({ kind: 'workflowtemplates', namespace: 'a' }, 'b')).toBe(false);
    expect(isJobInNamespace({ kind: 'clusterworkflowtemplates', namespace: '' }, 'b')).toBe(true);
  });
});

describe('dependsOnNow', () => {
  it('holds while a build of the jobs has started and not finished (its duration grows)', () => {
    const jobs = [job('workflowtemplates', 'a', 'x'), job('workflowtemplates', 'a', 'y')];
    const running: JobHistory = { recent: [{ number: 2, phase: 'Running', startedAt: '2026-01-01T00:00:00Z', finishedAt: null }], buildCount: 2, lastNumber: 2 };
    const pending: JobHistory = { recent: [{ number: 1, phase: 'Pending', startedAt: null, finishedAt: null }], buildCount: 1, lastNumber: 1 };
    expect(dependsOnNow(jobs, (key) => (key === 'workflowtemplates/a/y' ? built('Succeeded') : undefined))).toBe(false);
    expect(dependsOnNow(jobs, (key) => (key === 'workflowtemplates/a/y' ? pending : undefined))).toBe(false);
    expect(dependsOnNow(jobs, (key) => (key === 'workflowtemplates/a/y' ? running : undefined))).toBe(true);
  });
});
