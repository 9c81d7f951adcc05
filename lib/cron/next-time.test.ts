import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextActivation, previousActivation } from './next-time';
import { parseCronSchedule } from './parse-schedule';
import { formatRfc3339 } from './zoned-time';

// Produced by robfig/cron v3.0.1 itself (testdata/generate-robfig-next.go): six activations from a start time, for
// schedules across zones with DST gaps and overlaps (Los Angeles, London, Lord Howe's 30-minute shift, Sao Paulo's
// midnight DST, Chatham, St John's) and odd offsets (Kolkata).
interface Fixture {
  zone: string;
  schedule: string;
  from: string;
  next: string[];
}
const fixtures = JSON.parse(readFileSync(new URL('./testdata/robfig-next.json', import.meta.url), 'utf8')) as Fixture[];

const at = (iso: string) => new Date(iso);
const seconds = (date: Date | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);

describe('nextActivation matches robfig/cron', () => {
  it.each(fixtures.map((f) => [`${f.zone} "${f.schedule}" from ${f.from}`, f] as const))('%s', (_, fixture) => {
    const schedule = parseCronSchedule(fixture.schedule);
    const got: string[] = [];
    let t: Date | undefined = at(fixture.from);
    for (let i = 0; i < fixture.next.length && t; i++) {
      t = nextActivation(schedule, t, fixture.zone);
      got.push(t ? formatRfc3339(fixture.zone, seconds(t) ?? 0) : '');
    }
    expect(got).toEqual(fixture.next);
  });

  it('uses the CRON_TZ zone over the local one', () => {
    const schedule = parseCronSchedule('CRON_TZ=Asia/Tokyo 0 9 * * *');
    expect(nextActivation(schedule, at('2024-01-01T00:00:00Z'), 'America/New_York')?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('gives no activation for a date that never comes', () => {
    expect(nextActivation(parseCronSchedule('0 0 30 2 *'), at('2024-01-01T00:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('counts @every from the given time, dropping its fraction of a second', () => {
    const every = parseCronSchedule('@every 5s');
    expect(nextActivation(every, at('2024-01-01T00:00:00.900Z'), 'UTC')?.toISOString()).toBe('2024-01-01T00:00:05.000Z');
    expect(nextActivation(parseCronSchedule('@every 1h30m'), at('2024-01-01T00:00:00Z'), 'UTC')?.toISOString())
      .toBe('2024-01-01T01:30:00.000Z');
    // Under a second is a second; fractions are dropped (robfig's Every).
    expect(nextActivation(parseCronSchedule('@every 100ms'), at('2024-01-01T00:00:00Z'), 'UTC')?.toISOString())
      .toBe('2024-01-01T00:00:01.000Z');
    expect(nextActivation(parseCronSchedule('@every 2.5s'), at('2024-01-01T00:00:00Z'), 'UTC')?.toISOString())
      .toBe('2024-01-01T00:00:02.000Z');
  });
});

describe('previousActivation', () => {
  it('is the last activation strictly before the time', () => {
    const hourly = parseCronSchedule('0 * * * *');
    expect(previousActivation(hourly, at('2024-01-01T10:00:00Z'), 'UTC')?.toISOString()).toBe('2024-01-01T09:00:00.000Z');
    expect(previousActivation(hourly, at('2024-01-01T10:00:01Z'), 'UTC')?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
    expect(previousActivation(parseCronSchedule('@yearly'), at('2024-06-01T00:00:00Z'), 'UTC')?.toISOString())
      .toBe('2024-01-01T00:00:00.000Z');
    expect(previousActivation(parseCronSchedule('0 0 29 2 *'), at('2024-01-01T00:00:00Z'), 'UTC')?.toISOString())
      .toBe('2020-02-29T00:00:00.000Z');
  });

  it('agrees with nextActivation across an autumn overlap', () => {
    const schedule = parseCronSchedule('59 1 * * *');
    const zone = 'America/Los_Angeles';
    const second = at('2020-11-01T09:59:00Z'); // 01:59 PST, the second 01:59 that day
    expect(previousActivation(schedule, new Date(second.getTime() + 1000), zone)?.toISOString()).toBe(second.toISOString());
    expect(previousActivation(schedule, second, zone)?.toISOString()).toBe('2020-11-01T08:59:00.000Z');
  });

  it('has none for @every or a date that never comes', () => {
    expect(previousActivation(parseCronSchedule('@every 5s'), at('2024-01-01T00:00:00Z'), 'UTC')).toBeUndefined();
    expect(previousActivation(parseCronSchedule('0 0 31 2 *'), at('2024-01-01T00:00:00Z'), 'UTC')).toBeUndefined();
  });
});
