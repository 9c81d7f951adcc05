import { describe, expect, it } from 'vitest';
import { maxThrottledRetries, throttledRetryDelayMs } from './throttle-retry';

describe('throttledRetryDelayMs', () => {
  it('retries a 429 after the seconds Retry-After gives, 1 s without one', () => {
    expect(throttledRetryDelayMs({ code: 429, headers: { 'retry-after': '1' } }, 0)).toBe(1000);
    expect(throttledRetryDelayMs({ code: 429, headers: { 'Retry-After': '3' } }, 2)).toBe(3000);
    expect(throttledRetryDelayMs({ code: 429 }, 0)).toBe(1000);
  });

  it('caps the wait at 10 s', () => {
    expect(throttledRetryDelayMs({ code: 429, headers: { 'retry-after': '120' } }, 0)).toBe(10_000);
  });

  it('retries a 5xx only when it says Retry-After, and never a 501', () => {
    expect(throttledRetryDelayMs({ code: 503, headers: { 'retry-after': '2' } }, 0)).toBe(2000);
    expect(throttledRetryDelayMs({ code: 500 }, 0)).toBeUndefined();
    expect(throttledRetryDelayMs({ code: 501, headers: { 'retry-after': '1' } }, 0)).toBeUndefined();
  });

  it('does not retry what the API server acted on or refused for good', () => {
    for (const code of [400, 403, 404, 409, 422]) expect(throttledRetryDelayMs({ code, headers: { 'retry-after': '1' } }, 0)).toBeUndefined();
    expect(throttledRetryDelayMs(new Error('ECONNREFUSED'), 0)).toBeUndefined();
    expect(throttledRetryDelayMs(undefined, 0)).toBeUndefined();
  });

  it('gives up after client-go\'s 10 retries', () => {
    expect(throttledRetryDelayMs({ code: 429 }, maxThrottledRetries - 1)).toBe(1000);
    expect(throttledRetryDelayMs({ code: 429 }, maxThrottledRetries)).toBeUndefined();
  });
});
