import { describe, expect, it } from 'vitest';
import { checkCronSchedule } from './parse-cron-schedule';

describe('checkCronSchedule', () => {
  it('accepts standard five-field schedules, names, steps and lists', () => {
    for (const schedule of ['* * * * *', '*/5 0-6 1,15 jan-mar MON-FRI', '0 0 * * 0', '30 4 ? * sun', '5/10 * * * *']) {
      expect(checkCronSchedule(schedule)).toBeUndefined();
    }
  });

  it('accepts descriptors, @every durations and time zone prefixes', () => {
    for (const schedule of ['@hourly', '@daily', '@every 1h30m', '@every 90s', 'CRON_TZ=America/New_York 0 9 * * *', 'TZ=UTC @daily']) {
      expect(checkCronSchedule(schedule)).toBeUndefined();
    }
  });

  it('explains malformed schedules as robfig/cron does', () => {
    expect(checkCronSchedule('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(checkCronSchedule('0 0 * * * *')).toBe('expected exactly 5 fields, found 6: [0 0 * * * *]');
    expect(checkCronSchedule('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(checkCronSchedule('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(checkCronSchedule('* * * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(checkCronSchedule('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(checkCronSchedule('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(checkCronSchedule('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(checkCronSchedule('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    // Go's time.ParseDuration reads "1" and then the unit " hour", which it does not know.
    expect(checkCronSchedule('@every 1 hour')).toBe('failed to parse duration @every 1 hour: time: unknown unit " hour" in duration "1 hour"');
    expect(checkCronSchedule('CRON_TZ=nowhere * * * * *')).toBe('provided bad location nowhere: unknown time zone nowhere');
  });
});
