import { describe, expect, it } from 'vitest';
import { GoTime } from './go-time';
import { castToFloat64, castToInt64, deepCopy, goFunction, goQuote, isEmpty, parseIntBase0, strval, toStringList } from './sprig-convert';

describe('sprig argument conversion', () => {
  it('casts like spf13/cast', () => {
    expect(castToInt64('0x1F')).toBe(31n);
    expect(castToInt64('017')).toBe(15n);
    expect(castToInt64('5.00')).toBe(5n);
    expect(castToInt64('5.5')).toBe(0n);
    expect(castToInt64(null)).toBe(0n);
    expect(castToFloat64('2.5')).toBe(2.5);
    expect(castToFloat64('x')).toBe(0);
    expect(castToFloat64(true)).toBe(1);
    expect(parseIntBase0('-0b101')).toBe(-5n);
    expect(parseIntBase0('9223372036854775808')).toBeUndefined();
  });

  it('judges emptiness as sprig does', () => {
    expect([null, '', 0n, 0, false, [], {}].every(isEmpty)).toBe(true);
    expect([' ', 1n, true, [null], new GoTime(0n)].some(isEmpty)).toBe(false);
  });

  it('stringifies and quotes like Go', () => {
    expect(strval(1.5)).toBe('1.5');
    expect(strval([1n, 'a'])).toBe('[1 a]');
    expect(toStringList([1n, null, 'a'])).toEqual(['1', 'a']);
    expect(toStringList('x')).toEqual(['x']);
    expect(goQuote('a"b\n\u0001é')).toBe('"a\\"b\\n\\x01é"');
  });

  it('wraps functions with Go call rules', () => {
    const f = goFunction('f', ['string', 'int'], (s: string, n: bigint) => `${s}${n}`);
    expect(f('a', 2n)).toBe('a2');
    expect(f(null, null)).toBe('0');
    expect(() => f('a')).toThrow('too few input arguments');
    expect(() => f('a', 1n, 2n)).toThrow('too many input arguments');
    expect(() => f(1n, 2n)).toThrow('reflect: Call using int as type string');
    const variadic = goFunction('v', ['any'], (...xs: unknown[]) => BigInt(xs.length), true);
    expect(variadic()).toBe(0n);
    expect(variadic(1n, 2n)).toBe(2n);
  });

  it('copies arrays and maps deeply', () => {
    const original = { a: [1n, { b: 2n }] };
    const copy = deepCopy(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
  });
});
