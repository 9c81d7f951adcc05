import { describe, expect, it } from 'vitest';
import type { CronWorkflowSpec } from '@/lib/generated/argo';
import { LAST_USED_SCHEDULE_ANNOTATION } from './cron-schedules';
import { findMissedRun } from './missed-run';
import { buildCron } from './testing/build-cron';

// A cron that last ran at `last` and has kept its schedule since.
function ranAt(last: string, spec: Partial<CronWorkflowSpec> = {}) {
  const cron = buildCron(spec, { lastScheduledTime: last });
  const schedule = (spec.timezone ? `CRON_TZ=${spec.timezone} ` : '') + (spec.schedules ?? ['* * * * *']).join(',');
  return { ...cron, metadata: { ...cron.metadata, annotations: { [LAST_USED_SCHEDULE_ANNOTATION]: schedule } } };
}
const at = (iso: string) => new Date(iso);

describe('findMissedRun (runs missed while the controller was down)', () => {
  it('runs the missed 12:06 at 12:06:05 when the deadline is more than 5 s (the example in cron-workflows.md)', () => {
    expect(findMissedRun(ranAt('2024-01-01T12:05:00Z', { startingDeadlineSeconds: 10 }), at('2024-01-01T12:06:05Z'), 'UTC')?.toISOString())
      .toBe('2024-01-01T12:06:00.000Z');
  });

  it('does not run it once the deadline has passed, or without a deadline, or with a deadline of 0', () => {
    expect(findMissedRun(ranAt('2024-01-01T12:05:00Z', { startingDeadlineSeconds: 5 }), at('2024-01-01T12:06:05Z'), 'UTC')).toBeUndefined();
    expect(findMissedRun(ranAt('2024-01-01T12:05:00Z'), at('2024-01-01T12:06:05Z'), 'UTC')).toBeUndefined();
    expect(findMissedRun(ranAt('2024-01-01T12:05:00Z', { startingDeadlineSeconds: 0 }), at('2024-01-01T12:06:05Z'), 'UTC')).toBeUndefined();
  });

  it('runs only the latest of several missed times, once', () => {
    const cron = ranAt('2024-01-01T12:00:00Z', { schedules: ['*/5 * * * *'], startingDeadlineSeconds: 600 });
    expect(findMissedRun(cron, at('2024-01-01T12:31:00Z'), 'UTC')?.toISOString()).toBe('2024-01-01T12:30:00.000Z');
    // After that run lastScheduledTime is 12:30: nothing is missed any more.
    const after = { ...cron, status: { lastScheduledTime: '2024-01-01T12:30:00Z' } };
    expect(findMissedRun(after, at('2024-01-01T12:31:00Z'), 'UTC')).toBeUndefined();
  });

  it('checks only the latest missed time against the deadline', () => {
    // 12:30 missed by 10 minutes is past the 5-minute deadline; 12:25 would have been within, but is not the latest.
    const cron = ranAt('2024-01-01T12:00:00Z', { schedules: ['*/5 * * * *'], startingDeadlineSeconds: 300 });
    expect(findMissedRun(cron, at('2024-01-01T12:40:00Z'), 'UTC')).toBeUndefined();
  });

  it('does nothing for a cron that never ran, or whose schedule just changed', () => {
    expect(findMissedRun(buildCron({ startingDeadlineSeconds: 60 }), at('2024-01-01T12:06:05Z'), 'UTC')).toBeUndefined();
    const changed = { ...ranAt('2024-01-01T12:05:00Z', { startingDeadlineSeconds: 60 }), spec: { ...buildCron().spec, schedules: ['*/2 * * * *'], startingDeadlineSeconds: 60 } };
    expect(findMissedRun(changed, at('2024-01-01T12:06:05Z'), 'UTC')).toBeUndefined();
  });

  it('walks @every from the last scheduled time', () => {
    const cron = ranAt('2024-01-01T12:00:00Z', { schedules: ['@every 10s'], startingDeadlineSeconds: 15 });
    expect(findMissedRun(cron, at('2024-01-01T12:00:35Z'), 'UTC')?.toISOString()).toBe('2024-01-01T12:00:30.000Z');
    expect(findMissedRun(cron, at('2024-01-01T12:00:30Z'), 'UTC')?.toISOString()).toBe('2024-01-01T12:00:20.000Z');
    expect(findMissedRun(cron, at('2024-01-01T12:00:09Z'), 'UTC')).toBeUndefined();
  });

  it('jumps over a long downtime without walking every minute', () => {
    const cron = ranAt('2023-01-01T00:00:00Z', { startingDeadlineSeconds: 120 });
    expect(findMissedRun(cron, at('2024-01-01T12:06:30Z'), 'UTC')?.toISOString()).toBe('2024-01-01T12:06:00.000Z');
  });

  it('computes missed times in the cron timezone', () => {
    const cron = ranAt('2024-01-01T00:00:00Z', { schedules: ['0 9 * * *'], timezone: 'Asia/Tokyo', startingDeadlineSeconds: 3600 });
    expect(findMissedRun(cron, at('2024-01-02T00:30:00Z'), 'UTC')?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });
});
