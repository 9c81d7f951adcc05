import { describe, expect, it } from 'vitest';
import { formatLogLine, parseLogLine, toLineFilters } from './log-format';

describe('formatLogLine and parseLogLine', () => {
  it('round-trip a line, spaces included', () => {
    const raw = formatLogLine(new Date('2025-01-01T00:00:00.123Z'), 'hello  world');
    expect(raw).toBe('2025-01-01T00:00:00.123Z hello  world\n');
    expect(parseLogLine(raw.slice(0, -1))).toEqual({ time: '2025-01-01T00:00:00.123Z', line: 'hello  world' });
  });
});

describe('toLineFilters', () => {
  const now = new Date('2025-01-01T00:01:00Z');
  const old = { time: '2025-01-01T00:00:00.000Z', line: 'error: old' };
  const recent = { time: '2025-01-01T00:00:50.000Z', line: 'info: recent' };

  it('keeps lines since a number of seconds or a time', () => {
    expect(toLineFilters({ sinceSeconds: 30 }, now).since(old)).toBe(false);
    expect(toLineFilters({ sinceSeconds: 30 }, now).since(recent)).toBe(true);
    expect(toLineFilters({ sinceTime: '2025-01-01T00:00:00Z' }, now).since(old)).toBe(true);
  });

  it('greps with a regular expression, as Argo does', () => {
    const { grep } = toLineFilters({ grep: '^err' }, now);
    expect([old, recent].filter(grep)).toEqual([old]);
    expect(() => toLineFilters({ grep: '(' }, now)).toThrow();
  });
});
