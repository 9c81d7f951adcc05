import { describe, expect, it } from 'vitest';
import { GoTime, toGoTime } from './go-time';
import { formatGoTime, parseGoTime, splitLayout } from './go-time-layout';

const time = toGoTime(new Date('2023-08-04T15:04:05.120Z'));

describe('formatGoTime', () => {
  it.each([
    ['2006-01-02T15:04:05Z07:00', '2023-08-04T15:04:05Z'],
    ['2006-01-02T15:04:05.999999999Z07:00', '2023-08-04T15:04:05.12Z'],
    ['2006-01-02 15:04:05.000', '2023-08-04 15:04:05.120'],
    ['Mon Jan _2 15:04:05 MST 2006', 'Fri Aug  4 15:04:05 UTC 2023'],
    ['Monday, January 2, 06 3:04PM', 'Friday, August 4, 23 3:04PM'],
    ['002 __2', '216 216'],
    ['2006', '2023'],
    ['-0700 -07:00 Z0700', '+0000 +00:00 Z'],
  ])('formats with %s', (layout, expected) => {
    expect(formatGoTime(time, layout)).toBe(expected);
  });

  it('shows fixed offsets', () => {
    expect(formatGoTime(new GoTime(0n, -5 * 3600), '2006-01-02 15:04 -07:00 MST')).toBe('1969-12-31 19:00 -05:00 -0500');
  });
});

describe('parseGoTime', () => {
  it('parses RFC 3339 with an offset', () => {
    const parsed = parseGoTime('2023-08-14T10:00:00+02:00', '2006-01-02T15:04:05Z07:00');
    expect(parsed.offsetSeconds).toBe(7200);
    expect(formatGoTime(parsed, '2006-01-02T15:04:05Z07:00')).toBe('2023-08-14T10:00:00+02:00');
    expect(parsed.epochNanos).toBe(BigInt(Date.parse('2023-08-14T08:00:00Z')) * 1_000_000n);
  });

  it('parses month names, 12-hour clocks and fractional seconds', () => {
    expect(parseGoTime('Aug 4, 2023 3:04PM', 'Jan 2, 2006 3:04PM').epochNanos).toBe(BigInt(Date.parse('2023-08-04T15:04:00Z')) * 1_000_000n);
    expect(parseGoTime('2023-08-04 15:04:05.5', '2006-01-02 15:04:05').epochNanos % 1_000_000_000n).toBe(500_000_000n);
  });

  it('rejects text that does not fit', () => {
    expect(() => parseGoTime('2023/08/04', '2006-01-02')).toThrow('cannot parse');
    expect(() => parseGoTime('2023-08-04x', '2006-01-02')).toThrow('extra text');
    expect(() => parseGoTime('2023-13-04', '2006-01-02')).toThrow('out of range');
  });
});

describe('splitLayout', () => {
  it('splits a layout into literal text and Go layout chunks', () => {
    expect(splitLayout('Jan 2, 2006')).toEqual([{ std: 'Jan' }, { literal: ' ' }, { std: '2' }, { literal: ', ' }, { std: '2006' }]);
  });
});
