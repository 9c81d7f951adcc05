import { describe, expect, it } from 'vitest';
import { GoDuration, GoTime } from './go-time';
import { add, compare, contains, deepEqual, divide, equal, modulo, multiply, negate, power, range, subtract, toGoInt } from './operators';

describe('arithmetic', () => {
  it('keeps int with int and promotes to float otherwise', () => {
    expect(add(1n, 2n)).toBe(3n);
    expect(add(1n, 0.5)).toBe(1.5);
    expect(subtract(1.5, 1n)).toBe(0.5);
    expect(multiply(3n, 4n)).toBe(12n);
    expect(divide(7n, 2n)).toBe(3.5);
    expect(modulo(-7n, 3n)).toBe(-1n);
    expect(power(2n, 10n)).toBe(1024);
    expect(power(-1, Infinity)).toBe(1);
  });

  it('wraps ints at 64 bits', () => {
    expect(add(9_223_372_036_854_775_807n, 1n)).toBe(-9_223_372_036_854_775_808n);
    expect(negate(-9_223_372_036_854_775_808n)).toBe(-9_223_372_036_854_775_808n);
  });

  it('concatenates strings and does time arithmetic', () => {
    expect(add('a', 'b')).toBe('ab');
    expect(add(new GoTime(0n), new GoDuration(5n))).toEqual(new GoTime(5n));
    expect(subtract(new GoTime(10n), new GoTime(4n))).toEqual(new GoDuration(6n));
    expect(multiply(new GoDuration(2n), 3n)).toEqual(new GoDuration(6n));
  });

  it('rejects mixed or unsupported types with Go messages', () => {
    expect(() => add('a', 1n)).toThrow('invalid operation: string + int');
    expect(() => modulo(1.5, 1n)).toThrow('invalid operation: float64 % int');
    expect(() => modulo(1n, 0n)).toThrow('integer divide by zero');
    expect(() => negate('x')).toThrow('invalid operation: - string');
  });
});

describe('comparison', () => {
  it('compares across int and float but not across types', () => {
    expect(equal(1n, 1)).toBe(true);
    expect(equal('1', 1n)).toBe(false);
    expect(equal([1n, [2n]], [1, [2]])).toBe(true);
    expect(equal({ a: 1n }, { a: 1 })).toBe(false); // maps compare with reflect.DeepEqual
    expect(equal(null, undefined)).toBe(true);
    expect(compare(1n, 2.5, '<')).toBe(-1);
    expect(compare('b', 'a', '<')).toBe(1);
    expect(() => compare(1n, 'a', '<')).toThrow('invalid operation: int < string');
  });

  it('deep-compares without numeric coercion', () => {
    expect(deepEqual({ a: [1n] }, { a: [1n] })).toBe(true);
    expect(deepEqual(1n, 1)).toBe(false);
  });
});

describe('range, in and int conversion', () => {
  it('builds inclusive int ranges', () => {
    expect(range(1n, 3n)).toEqual([1n, 2n, 3n]);
    expect(range(3n, 1n)).toEqual([]);
    expect(() => range(0n, 100_000_000n)).toThrow('memory budget exceeded');
  });

  it('tests membership in arrays and map keys', () => {
    expect(contains([1n, 2n], 2)).toBe(true);
    expect(contains({ a: 1n }, 'a')).toBe(true);
    expect(contains({ a: 1n }, 'toString')).toBe(false);
    expect(contains(null, 1n)).toBe(false);
    expect(() => contains('abc', 'a')).toThrow('operator "in" not defined on string');
  });

  it('converts numbers to Go ints', () => {
    expect(toGoInt(2.9)).toBe(2n);
    expect(() => toGoInt('2')).toThrow('invalid operation: int(string)');
  });
});
