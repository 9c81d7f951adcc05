import { describe, expect, it } from 'vitest';
import { addDate, formatRfc3339, isKnownZone, zoneOffsetSeconds, zonedDate, zonedFields } from './zoned-time';

const s = (iso: string) => Date.parse(iso) / 1000;

describe('zoned time (Go time.Time in a Location)', () => {
  it('reads offsets on both sides of a DST change', () => {
    expect(zoneOffsetSeconds('America/Los_Angeles', s('2020-03-08T09:59:59Z'))).toBe(-8 * 3600);
    expect(zoneOffsetSeconds('America/Los_Angeles', s('2020-03-08T10:00:00Z'))).toBe(-7 * 3600);
    expect(zoneOffsetSeconds('Australia/Lord_Howe', s('2020-10-03T15:30:00Z'))).toBe(11 * 3600);
    expect(zoneOffsetSeconds('Asia/Kolkata', s('2023-01-01T00:00:00Z'))).toBe(5.5 * 3600);
    expect(zoneOffsetSeconds('UTC', s('2023-01-01T00:00:00Z'))).toBe(0);
  });

  it('splits an instant into calendar fields of the zone', () => {
    expect(zonedFields('Asia/Tokyo', s('2023-12-31T15:00:00Z'))).toEqual({ year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, weekday: 1 });
  });

  it('resolves wall times in a gap and an overlap as Go time.Date does', () => {
    // Checked with Go 1.26: time.Date(2020, 3, 8, 2, 30, 0, 0, LA) is 01:30 PST; 01:30 on Nov 1 is the PDT one.
    expect(formatRfc3339('America/Los_Angeles', zonedDate('America/Los_Angeles', 2020, 3, 8, 2, 30, 0))).toBe('2020-03-08T01:30:00-08:00');
    expect(formatRfc3339('America/Los_Angeles', zonedDate('America/Los_Angeles', 2020, 11, 1, 1, 30, 0))).toBe('2020-11-01T01:30:00-07:00');
  });

  it('normalises out-of-range fields, as Go does', () => {
    expect(formatRfc3339('UTC', zonedDate('UTC', 2023, 13, 32, 0, 0, 0))).toBe('2024-02-01T00:00:00Z');
    expect(formatRfc3339('UTC', addDate('UTC', s('2024-01-31T10:00:00Z'), 0, 1, 0))).toBe('2024-03-02T10:00:00Z');
  });

  it('formats RFC 3339 with Z at offset zero and ±hh:mm elsewhere', () => {
    expect(formatRfc3339('Europe/London', s('2024-01-15T12:00:00Z'))).toBe('2024-01-15T12:00:00Z');
    expect(formatRfc3339('Europe/London', s('2024-07-15T12:00:00Z'))).toBe('2024-07-15T13:00:00+01:00');
    expect(formatRfc3339('America/St_Johns', s('2024-01-15T12:00:00Z'))).toBe('2024-01-15T08:30:00-03:30');
  });

  it('knows zones Intl knows', () => {
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });
});
