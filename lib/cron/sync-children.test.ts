import { describe, expect, it } from 'vitest';
import { CRON_COMPLETED_LABEL } from './scheduled-workflow';
import { selectHistoryDeletions, syncCronChildren } from './sync-children';
import { activeRef, buildChild, buildCron } from './testing/build-cron';

const now = new Date('2024-03-01T12:00:00Z');
const finished = (minute: number) => `2024-03-01T11:${String(minute).padStart(2, '0')}:00Z`;

describe('history limits', () => {
  it('keeps the newest 3 succeeded and 1 failed workflow by default', () => {
    const workflows = [
      buildChild('s1', 'Succeeded', finished(1)), buildChild('s2', 'Succeeded', finished(2)), buildChild('s3', 'Succeeded', finished(3)),
      buildChild('s4', 'Succeeded', finished(4)), buildChild('s5', 'Succeeded', finished(5)),
      buildChild('f1', 'Failed', finished(1)), buildChild('e2', 'Error', finished(2)), buildChild('running', 'Running'),
    ];
    expect(selectHistoryDeletions(buildCron(), workflows)).toEqual(['s2', 's1', 'f1']);
  });

  it('honours the limits, including 0, and ignores negative ones', () => {
    const workflows = [buildChild('s1', 'Succeeded', finished(1)), buildChild('s2', 'Succeeded', finished(2)), buildChild('f1', 'Failed', finished(3))];
    expect(selectHistoryDeletions(buildCron({ successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 0 }), workflows)).toEqual(['s1', 'f1']);
    expect(selectHistoryDeletions(buildCron({ successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -1 }), workflows)).toEqual([]);
  });

  it('leaves workflows alone that the cron does not own', () => {
    const other = buildCron({}, undefined, { name: 'other', uid: 'other-uid' });
    const workflows = [buildChild('mine', 'Succeeded', finished(1)), buildChild('theirs', 'Succeeded', finished(2), other)];
    expect(selectHistoryDeletions(buildCron({ successfulJobsHistoryLimit: 0 }), workflows)).toEqual(['mine']);
  });
});

describe('syncCronChildren', () => {
  it('counts a completed active workflow once and drops it from active', () => {
    const cron = buildCron({}, { active: [activeRef('a'), activeRef('b')], succeeded: 1, failed: 0, phase: 'Active' });
    const sync = syncCronChildren(cron, [buildChild('a', 'Succeeded', finished(1)), buildChild('b', 'Running')], now);
    expect(sync.changed).toBe(true);
    expect(sync.cron.status).toEqual({ active: [activeRef('b')], succeeded: 2, failed: 0, phase: 'Active' });
    // The next sync sees the same workflows: nothing more to count.
    expect(syncCronChildren(sync.cron, [buildChild('a', 'Succeeded', finished(1)), buildChild('b', 'Running')], now).changed).toBe(false);
  });

  it('counts Failed and Error as failed, and forgets deleted workflows without counting them', () => {
    const cron = buildCron({}, { active: [activeRef('f'), activeRef('e'), activeRef('gone')] });
    const sync = syncCronChildren(cron, [buildChild('f', 'Failed', finished(1)), buildChild('e', 'Error', finished(2))], now);
    expect(sync.cron.status).toEqual({ failed: 2 });
  });

  it('adopts a running workflow the status does not list', () => {
    const sync = syncCronChildren(buildCron(), [buildChild('lost', 'Running'), buildChild('done', 'Succeeded', finished(1))], now);
    expect(sync.changed).toBe(true);
    expect(sync.cron.status?.active).toEqual([activeRef('lost')]);
    expect(sync.cron.status?.succeeded).toBeUndefined();
  });

  it('stops the cron when the stop strategy holds after a count', () => {
    const cron = buildCron({ stopStrategy: { expression: 'cronworkflow.failed >= 2' } }, { active: [activeRef('f')], failed: 1, phase: 'Active' });
    const sync = syncCronChildren(cron, [buildChild('f', 'Failed', finished(1))], now);
    expect(sync.cron.status).toEqual({ failed: 2, phase: 'Stopped' });
    expect(sync.cron.metadata.labels?.[CRON_COMPLETED_LABEL]).toBe('true');
  });

  it('keeps the status when the stop strategy fails, as Argo does', () => {
    const cron = buildCron({ stopStrategy: { expression: 'cronworkflow.failed' } }, { active: [activeRef('f')] });
    const sync = syncCronChildren(cron, [buildChild('f', 'Failed', finished(1))], now);
    expect(sync.changed).toBe(false);
    expect(sync.cron).toBe(cron);
    expect(sync.error).toMatch(/^failed to check CronWorkflow 'nightly' stopping condition: failed to evaluate stop expression/);
  });
});
