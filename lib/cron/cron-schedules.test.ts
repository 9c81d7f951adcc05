import { describe, expect, it } from 'vitest';
import {
  LAST_USED_SCHEDULE_ANNOTATION, cronScheduleStrings, isUsingNewSchedule, nextScheduledTime, parseCronSchedules, previousScheduledTime,
  scheduleAnnotationValue, schedulesWithTimezone,
} from './cron-schedules';
import { buildCron } from './testing/build-cron';

describe('CronWorkflow schedules', () => {
  it('reads spec.schedules, falling back to the deprecated spec.schedule', () => {
    expect(cronScheduleStrings(buildCron({ schedules: ['0 1 * * *', '0 2 * * *'] }).spec)).toEqual(['0 1 * * *', '0 2 * * *']);
    expect(cronScheduleStrings(buildCron({ schedules: [], schedule: '@hourly' }).spec)).toEqual(['@hourly']);
    expect(cronScheduleStrings(buildCron({ schedules: ['@daily'], schedule: '@hourly' }).spec)).toEqual(['@daily']);
  });

  it('prefixes the timezone as CRON_TZ, as Argo does', () => {
    const spec = buildCron({ schedules: ['0 1 * * *', '0 2 * * *'], timezone: 'Asia/Tokyo' }).spec;
    expect(schedulesWithTimezone(spec)).toEqual(['CRON_TZ=Asia/Tokyo 0 1 * * *', 'CRON_TZ=Asia/Tokyo 0 2 * * *']);
    expect(scheduleAnnotationValue(spec)).toBe('CRON_TZ=Asia/Tokyo 0 1 * * *,CRON_TZ=Asia/Tokyo 0 2 * * *');
  });

  it('knows a schedule is new until a run recorded it', () => {
    expect(isUsingNewSchedule(buildCron())).toBe(true);
    expect(isUsingNewSchedule(buildCron({}, undefined, { annotations: { [LAST_USED_SCHEDULE_ANNOTATION]: '* * * * *' } }))).toBe(false);
    expect(isUsingNewSchedule(buildCron({ timezone: 'UTC' }, undefined, { annotations: { [LAST_USED_SCHEDULE_ANNOTATION]: '* * * * *' } })))
      .toBe(true);
  });

  it('gives the earliest next activation over several schedules', () => {
    const spec = buildCron({ schedules: ['0 12 * * *', '30 6 * * *'] }).spec;
    expect(nextScheduledTime(spec, new Date('2024-05-01T07:00:00Z'), 'UTC')?.toISOString()).toBe('2024-05-01T12:00:00.000Z');
    expect(nextScheduledTime(spec, new Date('2024-05-01T12:00:00Z'), 'UTC')?.toISOString()).toBe('2024-05-02T06:30:00.000Z');
    expect(previousScheduledTime(spec, new Date('2024-05-01T07:00:00Z'), 'UTC')?.toISOString()).toBe('2024-05-01T06:30:00.000Z');
  });

  it('runs schedules without a timezone in the local zone, and with one in that zone', () => {
    const local = buildCron({ schedules: ['0 9 * * *'] }).spec;
    expect(nextScheduledTime(local, new Date('2024-05-01T00:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2024-05-01T07:00:00.000Z');
    const tokyo = buildCron({ schedules: ['0 9 * * *'], timezone: 'Asia/Tokyo' }).spec;
    expect(nextScheduledTime(tokyo, new Date('2024-05-01T00:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2024-05-02T00:00:00.000Z');
  });

  it('reports a malformed schedule and has no next time for it', () => {
    const spec = buildCron({ schedules: ['* * * * *', '61 * * * *'] }).spec;
    expect(parseCronSchedules(spec)).toEqual({ error: 'cron schedule "61 * * * *" is malformed: end of range (61) above maximum (59): 61' });
    expect(nextScheduledTime(spec, new Date('2024-05-01T00:00:00Z'), 'UTC')).toBeUndefined();
  });
});
