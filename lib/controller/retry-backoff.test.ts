import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
  it('treats zero failures as the first retry and never overflows', () => {
    expect(retryDelayMs(0)).toBe(1000);
    expect(retryDelayMs(10_000, 5, 60_000)).toBe(60_000);
  });
});
