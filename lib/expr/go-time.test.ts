import { describe, expect, it } from 'vitest';
import { durationSeconds, formatGoDuration, fromCivilTime, GoDuration, GoTime, parseGoDuration, toCivilTime, toGoTime, unixSeconds } from './go-time';

describe('parseGoDuration', () => {
  it.each([
    ['1h30m', 5_400_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['300ms', 300_000_000n],
    ['-2h45m', -9_900_000_000_000n],
    ['1us', 1_000n],
    ['1µs', 1_000n],
    ['0', 0n],
    ['.5s', 500_000_000n],
    ['1h2m3.5s', 3_723_500_000_000n],
  ])('parses %s', (text, nanos) => {
    expect(parseGoDuration(text).nanos).toBe(nanos);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['h', 'time: invalid duration "h"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1_500n, '1.5µs'],
    [1_500_000n, '1.5ms'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-7_200_000_000_000n, '-2h0m0s'],
  ])('formats %s ns as %s', (nanos, text) => {
    expect(formatGoDuration(new GoDuration(nanos))).toBe(text);
  });
});

describe('times', () => {
  it('converts a Date and splits it into calendar fields', () => {
    const time = toGoTime(new Date('2024-02-29T13:14:15.5Z'));
    expect(toCivilTime(time)).toMatchObject({ year: 2024, month: 2, day: 29, hour: 13, minute: 14, second: 15, nanosecond: 500_000_000, weekday: 4, yearDay: 60 });
    expect(unixSeconds(time)).toBe(1_709_212_455n);
  });

  it('reads fields in the time zone offset', () => {
    const time = new GoTime(0n, 3600);
    expect(toCivilTime(time).hour).toBe(1);
    expect(fromCivilTime({ year: 1970, month: 1, day: 1, hour: 1, minute: 0, second: 0, nanosecond: 0 }, 3600).epochNanos).toBe(0n);
  });

  it('rounds Unix seconds down before 1970, as Go does', () => {
    expect(unixSeconds(new GoTime(-1n))).toBe(-1n);
  });

  it('gives duration seconds as a float', () => {
    expect(durationSeconds(new GoDuration(1_500_000_000n))).toBe(1.5);
  });
});
