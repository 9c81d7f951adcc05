import { describe, expect, it } from 'vitest';
import { checkCronSchedule } from '@/lib/validate/parse-cron-schedule';
import { CronScheduleError, parseCronSchedule } from './parse-schedule';
import type { SpecSchedule } from './parse-schedule';

const spec = (text: string) => parseCronSchedule(text) as SpecSchedule;
const values = (field: { values: ReadonlySet<number> }) => [...field.values].sort((a, b) => a - b);

describe('parseCronSchedule', () => {
  it('reads five fields: lists, ranges, steps and names', () => {
    const s = spec('0,30 9-17/2 1-7 jan,JUL mon-fri');
    expect(values(s.minute)).toEqual([0, 30]);
    expect(values(s.hour)).toEqual([9, 11, 13, 15, 17]);
    expect(values(s.dayOfMonth)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(values(s.month)).toEqual([1, 7]);
    expect(values(s.dayOfWeek)).toEqual([1, 2, 3, 4, 5]);
    expect(values(s.second)).toEqual([0]);
    expect(s.dayOfMonth.star || s.dayOfWeek.star).toBe(false);
  });

  it('reads N/step as N to the maximum, and keeps the star of */1 but not of */2', () => {
    expect(values(spec('5/20 * * * *').minute)).toEqual([5, 25, 45]);
    expect(spec('* * */1 * *').dayOfMonth.star).toBe(true);
    expect(spec('* * */2 * *').dayOfMonth.star).toBe(false);
    expect(spec('* * ? * *').dayOfMonth.star).toBe(true);
  });

  it('reads descriptors as robfig does', () => {
    const yearly = spec('@yearly');
    expect([values(yearly.minute), values(yearly.hour), values(yearly.dayOfMonth), values(yearly.month)]).toEqual([[0], [0], [1], [1]]);
    expect(yearly.dayOfWeek.star).toBe(true);
    expect(spec('@annually')).toEqual(yearly);
    expect(values(spec('@weekly').dayOfWeek)).toEqual([0]);
    expect(spec('@weekly').dayOfMonth.star).toBe(true);
    expect(values(spec('@hourly').hour)).toHaveLength(24);
    expect(spec('@midnight')).toEqual(spec('@daily'));
    expect(values(spec('@monthly').dayOfMonth)).toEqual([1]);
  });

  it('reads @every durations in whole seconds, at least one', () => {
    expect(parseCronSchedule('@every 5s')).toEqual({ kind: 'every', zone: undefined, delaySeconds: 5 });
    expect(parseCronSchedule('@every 1h30m')).toMatchObject({ delaySeconds: 5400 });
    expect(parseCronSchedule('@every 1.5s')).toMatchObject({ delaySeconds: 1 });
    expect(parseCronSchedule('@every 10ms')).toMatchObject({ delaySeconds: 1 });
  });

  it('takes the zone from CRON_TZ= or TZ=', () => {
    expect(parseCronSchedule('CRON_TZ=Asia/Tokyo 0 9 * * *').zone).toBe('Asia/Tokyo');
    expect(parseCronSchedule('TZ=Europe/Paris @daily').zone).toBe('Europe/Paris');
    expect(parseCronSchedule('CRON_TZ=UTC @every 5s').zone).toBe('UTC');
    expect(parseCronSchedule('0 9 * * *').zone).toBeUndefined();
    expect(parseCronSchedule('CRON_TZ=Local 0 9 * * *').zone).toBeUndefined();
  });

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['CRON_TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('rejects %j as robfig does', (text, message) => {
    expect(() => parseCronSchedule(text)).toThrow(new CronScheduleError(message));
  });

  it.each(['* * * * *', '*/15 0-6 1,15 * SUN', '@every 90s', 'CRON_TZ=America/New_York 0 2 * * *', '61 * * * *', 'bad', '@hourly', '0 0 * * 8'])(
    'agrees with the validator on %j', (text) => {
      let problem: string | undefined;
      try {
        parseCronSchedule(text);
      } catch (error) {
        problem = (error as Error).message;
      }
      expect(problem === undefined).toBe(checkCronSchedule(text) === undefined);
    });
});
