import { describe, expect, it } from 'vitest';
import { arrayArg, expectArgCount, intArg, mapArg, stringArg } from './builtin-args';

describe('builtin argument checks', () => {
  it('check counts', () => {
    expect(() => expectArgCount('f', [1n], 2)).toThrow('invalid number of arguments for f (expected 2, got 1)');
    expect(() => expectArgCount('f', [], 1, 2)).toThrow('(expected 1 or 2, got 0)');
    expect(() => expectArgCount('f', [1n, 2n], 1, 2)).not.toThrow();
  });

  it('check types with Go wording', () => {
    expect(stringArg('f', ['x'], 0)).toBe('x');
    expect(() => stringArg('f', [1n], 0)).toThrow('cannot use int as argument (type string) to call f');
    expect(intArg('f', [2.7], 0)).toBe(2n);
    expect(() => intArg('f', ['1'], 0)).toThrow('(type int)');
    expect(arrayArg('f', [[1n]], 0)).toEqual([1n]);
    expect(() => arrayArg('f', [{}], 0)).toThrow('(type []interface {})');
    expect(mapArg('f', [{ a: 1n }], 0)).toEqual({ a: 1n });
    expect(() => mapArg('f', [[]], 0)).toThrow('(type map[string]interface {})');
  });
});
