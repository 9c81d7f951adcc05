import { describe, expect, it } from 'vitest';
import { COLLECTION_BUILTINS, getElement } from './builtins-collections';
import { itMatchesExprLang } from './test-support';

describe('collection and math builtins match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["abs(-0.5)", "0.5"],
    ["abs(-3)", "3"],
    ["bitand(12, 10)", "8"],
    ["bitnand(12, 10)", "4"],
    ["bitnot(5)", "-6"],
    ["bitor(12, 10)", "14"],
    ["bitshl(1, 3)", "8"],
    ["bitshl(1, 64)", "0"],
    ["bitshr(-1, 70)", "-1"],
    ["bitshr(-16, 2)", "-4"],
    ["bitushr(-5, 2)", "4611686018427387902"],
    ["bitxor(12, 10)", "6"],
    ["ceil(1.2)", "2"],
    ["concat([1], [2])", "[1,2]"],
    ["concat([1], [], [2])", "[1,2]"],
    ["first(\"abc\")", null],
    ["first([1, 2])", "1"],
    ["flatten([1, [2, [3]]])", "[1,2,3]"],
    ["flatten([])", "[]"],
    ["floor(-1.2)", "-2"],
    ["get([1, 2], 5)", "null"],
    ["keys({\"a\": 1})", "[\"a\"]"],
    ["last([])", "null"],
    ["len(\"héllo\")", "5"],
    ["len(1..100)", "100"],
    ["len([])", "0"],
    ["len(a)", "2"],
    ["len(filter(arr, # > 0))", "3"],
    ["len({})", "0"],
    ["max(1, 5, 3)", "5"],
    ["max([1, 5.5], 3)", "5.5"],
    ["mean([1, 2, 3, 4])", "2.5"],
    ["mean([])", "0"],
    ["median([3, 1, 2])", "2"],
    ["median([])", "0"],
    ["min(1, 2, [0.5])", "0.5"],
    ["min([4, 2])", "2"],
    ["reverse([1, 2])", "[2,1]"],
    ["round(-2.5)", "-3"],
    ["round(2.5)", "3"],
    ["sort([\"b\", \"a\", \"c\"])", "[\"a\",\"b\",\"c\"]"],
    ["sort([\"b\", \"a\"], \"desc\")", "[\"b\",\"a\"]"],
    ["sort([2.5, 1, 3])", "[1,2.5,3]"],
    ["sort([3, 1, 2])", "[1,2,3]"],
    ["sort([true, false])", null],
    ["take([1, 2, 3], 2)", "[1,2]"],
    ["take([1], 5)", "[1]"],
    ["toPairs({\"a\": 1})", "[[\"a\",1]]"],
    ["toPairs({})", "[]"],
    ["uniq([\"a\", \"b\", \"a\"])", "[\"a\",\"b\"]"],
    ["uniq([1, 1.0, 2])", "[1,2]"],
    ["values({\"a\": 1})", "[1]"],
  ]);
});

describe('COLLECTION_BUILTINS', () => {
  it('returns Go ints for counts and floats for rounding', () => {
    expect(COLLECTION_BUILTINS.len?.([[1n, 2n]])).toBe(2n);
    expect(COLLECTION_BUILTINS.ceil?.([2n])).toBe(2);
    expect(COLLECTION_BUILTINS.abs?.([-2n])).toBe(2n);
  });

  it('clamps shifts of 64 bits or more', () => {
    expect(COLLECTION_BUILTINS.bitshl?.([1n, 1000n])).toBe(0n);
    expect(COLLECTION_BUILTINS.bitshr?.([-8n, 1000n])).toBe(-1n);
    expect(() => COLLECTION_BUILTINS.bitshl?.([1n, -1n])).toThrow('negative shift count');
  });

  it('fetches first and last as expr-lang does at run time: a string gives a byte, other values nil', () => {
    expect(COLLECTION_BUILTINS.first?.(['abc'])).toBe(97n);
    expect(COLLECTION_BUILTINS.last?.(['abc'])).toBe(99n);
    expect(COLLECTION_BUILTINS.first?.([1n])).toBeNull();
    expect(COLLECTION_BUILTINS.first?.([null])).toBeNull();
  });

  it('returns a lone non-number argument of max as it is, and sorts nothing that is not an array', () => {
    expect(COLLECTION_BUILTINS.max?.(['x'])).toBe('x');
    expect(() => COLLECTION_BUILTINS.max?.([1n, 'x'])).toThrow('invalid argument for max (type string)');
    expect(COLLECTION_BUILTINS.sort?.(['x'])).toBeNull();
  });

  it('builds string-keyed maps from pairs', () => {
    expect(COLLECTION_BUILTINS.fromPairs?.([[['a', 1n]]])).toEqual({ a: 1n });
    expect(() => COLLECTION_BUILTINS.fromPairs?.([[[1n, 1n]]])).toThrow('map keys must be strings');
  });
});

describe('getElement', () => {
  it('indexes arrays from either end and maps by key, nil when absent', () => {
    expect(getElement([1n, 2n], -1n)).toBe(2n);
    expect(getElement([1n, 2n], 5n)).toBeNull();
    expect(getElement({ a: 'x' }, 'a')).toBe('x');
    expect(getElement({ a: 'x' }, 'constructor')).toBeNull();
    expect(getElement(null, 0n)).toBeNull();
  });
});
