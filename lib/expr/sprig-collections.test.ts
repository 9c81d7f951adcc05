import { describe, expect, it } from 'vitest';
import { SPRIG_COLLECTION_FUNCTIONS } from './sprig-collections';
import { itMatchesExprLang } from './test-support';

describe('sprig list, dict and default functions match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["sprig.all(1, \"a\")", "true"],
    ["sprig.any(0, \"\")", "false"],
    ["sprig.append([1], 2)", "[1,2]"],
    ["sprig.chunk(2, [1, 2, 3])", "[[1,2],[3]]"],
    ["sprig.coalesce(nil, \"\", \"x\")", "\"x\""],
    ["sprig.compact([\"\", \"a\", nil, 0, 1])", "[\"a\",1]"],
    ["sprig.concat([1], [2, 3])", "[1,2,3]"],
    ["sprig.default(\"d\", \"\")", "\"d\""],
    ["sprig.dig(\"a\", \"b\", \"def\", {\"a\": {\"b\": 1}})", "1"],
    ["sprig.dig(\"a\", \"x\", \"def\", {\"a\": {\"b\": 1}})", "\"def\""],
    ["sprig.empty(\"\")", "true"],
    ["sprig.empty({})", "true"],
    ["sprig.first([1, 2])", "1"],
    ["sprig.get({\"a\": 1}, \"b\")", "\"\""],
    ["sprig.has(2, [1, 2])", "true"],
    ["sprig.hasKey({\"a\": 1}, \"a\")", "true"],
    ["sprig.initial([1, 2, 3])", "[1,2]"],
    ["sprig.last([1, 2])", "2"],
    ["sprig.merge({\"a\": 1, \"c\": {\"x\": 1}}, {\"a\": 2, \"b\": 3, \"c\": {\"y\": 2}})", "{\"a\":1,\"b\":3,\"c\":{\"x\":1,\"y\":2}}"],
    ["sprig.mergeOverwrite({\"a\": 1}, {\"a\": 2, \"b\": 3})", "{\"a\":2,\"b\":3}"],
    ["sprig.omit({\"a\": 1, \"b\": 2}, \"a\")", "{\"b\":2}"],
    ["sprig.pick({\"a\": 1, \"b\": 2}, \"a\")", "{\"a\":1}"],
    ["sprig.pluck(\"a\", {\"a\": 1}, {\"b\": 2}, {\"a\": 3})", "[1,3]"],
    ["sprig.prepend([1], 0)", "[0,1]"],
    ["sprig.rest([1, 2, 3])", "[2,3]"],
    ["sprig.reverse([1, 2, 3])", "[3,2,1]"],
    ["sprig.slice([1, 2, 3, 4], 1, 3)", "[2,3]"],
    ["sprig.ternary(\"a\", \"b\", false)", "\"b\""],
    ["sprig.uniq([1, 1, 2])", "[1,2]"],
    ["sprig.values({\"a\": 1})", "[1]"],
    ["sprig.without([1, 2, 3], 2)", "[1,3]"],
  ]);
});

describe('SPRIG_COLLECTION_FUNCTIONS', () => {
  it('returns modified copies instead of mutating the caller data', () => {
    const dict = { a: 1n };
    expect(SPRIG_COLLECTION_FUNCTIONS.set?.(dict, 'b', 2n)).toEqual({ a: 1n, b: 2n });
    expect(SPRIG_COLLECTION_FUNCTIONS.unset?.(dict, 'a')).toEqual({});
    expect(dict).toEqual({ a: 1n });
  });

  it('compares with reflect.DeepEqual, so an int is not a float', () => {
    expect(SPRIG_COLLECTION_FUNCTIONS.uniq?.([1n, 1, '1'])).toEqual([1n, 1, '1']);
    expect(SPRIG_COLLECTION_FUNCTIONS.has?.(1, [1n])).toBe(false);
  });

  it('offers the must* variants', () => {
    expect(SPRIG_COLLECTION_FUNCTIONS.mustFirst?.([1n])).toBe(1n);
    expect(() => SPRIG_COLLECTION_FUNCTIONS.mustFirst?.('x')).toThrow('Cannot find first on type string');
  });
});
