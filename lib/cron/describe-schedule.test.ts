import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe-schedule';

describe('describeSchedule', () => {
  it.each([
    ['0 9 * * 1-5', 'at 09:00 on weekdays'],
    ['30 2 * * *', 'at 02:30 every day'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['* * * * *', 'every minute'],
    ['5 * * * *', 'at minute 5 of every hour'],
    ['0 */6 * * *', 'every 6 hours at minute 0'],
    ['0 8,18 * * 0,6', 'at 08:00 and 18:00 on weekends'],
    ['0 0 1 * *', 'at 00:00 on day 1 of the month'],
    ['0 12 1 1,7 *', 'at 12:00 on day 1 of the month in January and July'],
    ['@hourly', 'at minute 0 of every hour'],
    ['@every 1h30m', 'every 1 hour and 30 minutes'],
    ['CRON_TZ=Europe/Paris 0 9 * * MON', 'at 09:00 on Monday (Europe/Paris)'],
  ])('%s reads "%s"', (schedule, words) => {
    expect(describeSchedule(schedule)).toEqual({ words });
  });

  it('gives robfig’s error for a schedule it rejects', () => {
    expect(describeSchedule('61 * * * *')).toHaveProperty('error');
  });
});

describe('nextRuns', () => {
  it('lists the next run times of every schedule, in order', async () => {
    const { nextRuns } = await import('./next-runs');
    const runs = nextRuns({ schedules: ['0 9 * * 1-5', '0 12 * * 6'] } as never, new Date('2026-11-27T10:00:00Z'), 3, 'UTC');
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-28T12:00:00.000Z', '2026-11-30T09:00:00.000Z', '2026-12-01T09:00:00.000Z']);
  });
});
