import { describe, expect, it } from 'vitest';
import { narrowJobList } from './narrow-job-list';

const job = (name: string, folder: string, phase?: string) => ({
  namespace: 'argo', name, folder, labels: { team: folder.split('/')[0] ?? '' }, description: `about ${name}`,
  ...(phase ? { lastBuild: { number: 1, phase, startedAt: null, finishedAt: null, durationSeconds: null } } : {}),
});
const jobs = [job('api', 'team-a/backend', 'Succeeded'), job('web', 'team-a/frontend', 'Failed'), job('billing', 'team-b')];

describe('narrowJobList', () => {
  it('narrows by folder and sub-folders, search, status (None: never built), labels and a view', () => {
    expect(narrowJobList(jobs, { folder: 'team-a' })?.map((j) => j.name)).toEqual(['api', 'web']);
    expect(narrowJobList(jobs, { search: 'ABOUT W' })?.map((j) => j.name)).toEqual(['web']);
    expect(narrowJobList(jobs, { lastStatus: ['None', 'Failed'] })?.map((j) => j.name)).toEqual(['web', 'billing']);
    expect(narrowJobList(jobs, { labels: 'team=team-b' })?.map((j) => j.name)).toEqual(['billing']);
    expect(narrowJobList(jobs, { nameRegex: '^[ab]' }, { folder: 'team-a' })?.map((j) => j.name)).toEqual(['api']);
  });
  it('gives up (undefined) on a filter that does not compile, leaving the answer to the server', () => {
    expect(narrowJobList(jobs, { nameRegex: '(' })).toBeUndefined();
  });
});
