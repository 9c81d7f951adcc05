import { describe, expect, it } from 'vitest';
import { formatGoFloat, formatGoValue } from './format-go-value';
import { GoDuration, GoTime } from './go-time';

describe('formatGoFloat', () => {
  it.each([
    [0, '0'], [-0, '-0'], [1, '1'], [1.5, '1.5'], [123456, '123456'], [1e6, '1e+06'], [1234567, '1.234567e+06'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [1e21, '1e+21'], [1e100, '1e+100'], [-2.5e-7, '-2.5e-07'],
    [Number.NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'],
  ])('formats %s as %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text);
  });
});

describe('formatGoValue', () => {
  it('formats values as fmt %v', () => {
    expect(formatGoValue(null)).toBe('<nil>');
    expect(formatGoValue([1n, 'a', null, [true]])).toBe('[1 a <nil> [true]]');
    expect(formatGoValue({ b: 1n, a: { c: 2.5 } })).toBe('map[a:map[c:2.5] b:1]');
    expect(formatGoValue(new GoTime(0n))).toBe('1970-01-01 00:00:00 +0000 UTC');
    expect(formatGoValue(new GoDuration(90_000_000_000n))).toBe('1m30s');
  });
});
