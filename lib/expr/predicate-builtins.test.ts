import { describe, expect, it } from 'vitest';
import { callPredicateBuiltin } from './predicate-builtins';
import { itMatchesExprLang } from './test-support';

describe('predicate builtins match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["all([1,2], # > 0)", "true"],
    ["all([], # > 0)", "true"],
    ["all(objs, .age > 10)", "true"],
    ["any([1,2], # > 1)", "true"],
    ["any(arr, # == 2) ? \"has2\" : \"no2\"", "\"has2\""],
    ["count([1, 2])", null],
    ["count([1,2,3], # > 1)", "2"],
    ["count([true, false, true])", "2"],
    ["count(objs, .name startsWith \"B\")", "2"],
    ["filter([1, 3], {# > 1})", "[3]"],
    ["filter([], true)", "[]"],
    ["filter(arr, # > 1)", "[2,3]"],
    ["filter(objs, .age > 30)", "[{\"age\":43,\"dept\":\"x\",\"name\":\"Baris\"},{\"age\":42,\"dept\":\"y\",\"name\":\"Mo\"}]"],
    ["find([1, 2, 3], # > 1)", "2"],
    ["findIndex([1, 2, 3], # > 1)", "1"],
    ["findLast([1, 2, 3], # > 1)", "3"],
    ["findLastIndex([1, 2, 3], # > 5)", "null"],
    ["map([1,2], # * 2)", "[2,4]"],
    ["map([], #)", "[]"],
    ["map(objs, #.name)", "[\"Baris\",\"Mo\",\"Bo\"]"],
    ["map(objs, .name)", "[\"Baris\",\"Mo\",\"Bo\"]"],
    ["map(objs, {\"n\": .name, \"i\": #index})", null],
    ["none([1,2], # > 5)", "true"],
    ["one([1,2], # > 1)", "true"],
    ["one([], true)", "false"],
    ["reduce([1, 2, 3], #acc + #)", "6"],
    ["reduce([1, 2, 3], #acc + #, 10)", "16"],
    ["reduce(objs, #acc + .age, 0)", "105"],
    ["sortBy([{\"n\": 2}, {\"n\": 1}], .n)", "[{\"n\":1},{\"n\":2}]"],
    ["sortBy(objs, .age, \"desc\")", "[{\"age\":43,\"dept\":\"x\",\"name\":\"Baris\"},{\"age\":42,\"dept\":\"y\",\"name\":\"Mo\"},{\"age\":20,\"dept\":\"x\",\"name\":\"Bo\"}]"],
    ["sum([1, 2.5])", "3.5"],
    ["sum([])", "0"],
    ["sum(objs, .age)", "105"],
  ]);
});

describe('callPredicateBuiltin', () => {
  const isBig = (item: unknown) => typeof item === 'bigint' && item > 1n;

  it('requires an array, though a string yields its bytes as expr-lang does at run time', () => {
    expect(() => callPredicateBuiltin('filter', null, isBig)).toThrow('builtin filter takes only array (got <nil>)');
    expect(() => callPredicateBuiltin('map', { a: 1n }, isBig)).toThrow('takes only array');
    expect(callPredicateBuiltin('map', 'ab', (item) => item)).toEqual([97n, 98n]);
  });

  it('requires predicates that filter to return booleans', () => {
    expect(() => callPredicateBuiltin('filter', [1n], () => 1n)).toThrow('should return boolean');
  });

  it('yields nil from findIndex when nothing matches, as expr-lang v1.17.8 does', () => {
    expect(callPredicateBuiltin('findIndex', [1n], isBig)).toBeNull();
    expect(callPredicateBuiltin('findIndex', [1n, 2n], isBig)).toBe(1n);
  });

  it('groups by the text of the key', () => {
    expect(callPredicateBuiltin('groupBy', [1n, 2n, 3n], (item) => item === 2n)).toEqual({ false: [1n, 3n], true: [2n] });
  });

  it('reduces from the first element without an initial value, and fails on an empty array', () => {
    expect(callPredicateBuiltin('reduce', [1n, 2n], (item, _index, acc) => (acc as bigint) + (item as bigint))).toBe(3n);
    expect(() => callPredicateBuiltin('reduce', [], (item) => item)).toThrow('reduce of empty array with no initial value');
  });
});
