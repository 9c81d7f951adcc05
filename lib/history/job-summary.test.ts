import { describe, expect, it } from 'vitest';
import type { BuildRecord } from './build-record';
import { toJobSummary } from './job-summary';

const build = (number: number, phase: string, startedAt: string | null, finishedAt: string | null): BuildRecord => ({
  job: { kind: 'workflowtemplates', namespace: 'argo', name: 'j' }, number, uid: `u${number}`, namespace: 'argo', workflowName: `j-${number}`,
  phase, message: null, startedAt, finishedAt, createdAt: null, trigger: { type: 'user' }, parameters: [], stages: null, live: true, archived: false,
});

describe('toJobSummary', () => {
  it('joins the description with last builds, health and the next number', () => {
    const description = { kind: 'workflowtemplates' as const, namespace: 'argo', name: 'j', folder: '', description: '', labels: {}, parameters: [], stages: ['a'] };
    const running = build(3, 'Running', '2026-01-01T00:10:00Z', null);
    const failed = build(2, 'Failed', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z');
    const summary = toJobSummary(description, { recent: [running, failed], lastFailure: failed, buildCount: 2, lastNumber: 3 }, new Date('2026-01-01T00:10:30Z'));
    expect(summary).toMatchObject({ lastBuild: { number: 3, durationSeconds: 30 }, lastFailure: { number: 2 }, lastDurationSeconds: 60, nextNumber: 4, buildCount: 2 });
    expect(summary.health).toEqual({ score: 0, weather: 'storm', recent: ['Running', 'Failed'] });
    expect(summary).not.toHaveProperty('stages');
    expect(summary).not.toHaveProperty('lastSuccess');
  });
});
