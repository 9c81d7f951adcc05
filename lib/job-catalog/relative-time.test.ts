import { describe, expect, it } from 'vitest';
import { formatAgo, formatIn } from './relative-time';

const now = new Date('2026-01-10T12:00:00Z');

describe('formatAgo', () => {
  it('is coarse, like Jenkins', () => {
    expect(formatAgo('2026-01-10T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-01-10T11:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-01-10T09:00:00Z', now)).toBe('3 hr ago');
    expect(formatAgo('2026-01-09T12:00:00Z', now)).toBe('1 day ago');
    expect(formatAgo('2026-01-01T12:00:00Z', now)).toBe('9 days ago');
  });

  it('says when it is unknown, and counts forward for the future', () => {
    expect(formatAgo(null, now)).toBe('-');
    expect(formatAgo('garbage', now)).toBe('-');
    expect(formatAgo('2026-01-10T12:10:00Z', now)).toBe('in 10 min');
  });
});

describe('formatIn', () => {
  it('counts forward', () => {
    expect(formatIn(30)).toBe('in 30s');
    expect(formatIn(7200)).toBe('in 2 hr');
    expect(formatIn(86400 * 3)).toBe('in 3 days');
  });
});
