import { describe, expect, it } from 'vitest';
import { checkTimezone } from './check-timezone';

describe('checkTimezone', () => {
  it('accepts UTC and Area/Location names', () => {
    for (const name of ['UTC', 'America/Los_Angeles', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'EST', 'Japan', 'US/Pacific']) {
      expect(checkTimezone(name)).toBeUndefined();
    }
  });

  it('rejects names no zone database has', () => {
    expect(checkTimezone('utc')).toBe('unknown time zone utc');
    expect(checkTimezone('America/ Los Angeles')).toBe('unknown time zone America/ Los Angeles');
    expect(checkTimezone('+05:00')).toBe('unknown time zone +05:00');
    expect(checkTimezone('Not/AZone')).toBe('unknown time zone Not/AZone');
  });
});
