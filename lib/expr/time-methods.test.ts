import { describe, expect, it } from 'vitest';
import { GoDuration, GoTime, toGoTime } from './go-time';
import { findMethod } from './time-methods';

const time = toGoTime(new Date('2024-03-05T06:07:08Z'));

function call(target: GoTime | GoDuration, name: string, ...args: Parameters<NonNullable<ReturnType<typeof findMethod>>>) {
  const method = findMethod(target, name);
  if (!method) throw new Error(`no method ${name}`);
  return method(...args);
}

describe('findMethod', () => {
  it('offers time.Time accessors and arithmetic', () => {
    expect(call(time, 'Year')).toBe(2024n);
    expect(call(time, 'Month')).toBe(3n);
    expect(call(time, 'YearDay')).toBe(65n);
    expect(call(time, 'Weekday')).toBe(2n);
    expect(call(time, 'Unix')).toBe(1_709_618_828n);
    expect(call(time, 'Add', new GoDuration(3_600_000_000_000n))).toEqual(toGoTime(new Date('2024-03-05T07:07:08Z')));
    expect(call(time, 'Sub', toGoTime(new Date('2024-03-05T06:07:00Z')))).toEqual(new GoDuration(8_000_000_000n));
    expect(call(time, 'AddDate', 0n, 1n, 0n)).toEqual(toGoTime(new Date('2024-04-05T06:07:08Z')));
    expect(call(time, 'Before', toGoTime(new Date('2025-01-01')))).toBe(true);
    expect(call(time, 'Format', '2006/01/02')).toBe('2024/03/05');
    expect(call(new GoTime(-62_135_596_800_000_000_000n), 'IsZero')).toBe(true);
  });

  it('offers time.Duration conversions and rounding', () => {
    const duration = new GoDuration(5_400_000_000_000n);
    expect(call(duration, 'Hours')).toBe(1.5);
    expect(call(duration, 'Minutes')).toBe(90);
    expect(call(duration, 'Milliseconds')).toBe(5_400_000n);
    expect(call(duration, 'String')).toBe('1h30m0s');
    expect(call(new GoDuration(1_500_000_000n), 'Round', new GoDuration(1_000_000_000n))).toEqual(new GoDuration(2_000_000_000n));
    expect(call(new GoDuration(1_500_000_000n), 'Truncate', new GoDuration(1_000_000_000n))).toEqual(new GoDuration(1_000_000_000n));
  });

  it('has no methods for other values or unknown names', () => {
    expect(findMethod('x', 'Year')).toBeUndefined();
    expect(findMethod(time, 'constructor')).toBeUndefined();
    expect(() => call(time, 'Sub', 'x')).toThrow('(type time.Time)');
  });
});
