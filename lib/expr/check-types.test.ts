import { describe, expect, it } from 'vitest';
import { checkTypes } from './check-types';
import { evaluateAst } from './evaluate-expr';
import { ExpressionError } from './expression-error';
import { parseExpr } from './parse-expr';
import { toExpressionEnv } from './argo-env';
import { toGoJson } from './go-json';
import { checkNames } from './check-names';
import type { ValueMap } from './value';

function buildEnv(): ValueMap {
  return { ...toExpressionEnv({}), s: 'abc', i: 1n, f: 1.5, b: true, m: { a: 1n }, arr: [1n], n: null };
}

function run(source: string, env: ValueMap = buildEnv()): string {
  const ast = parseExpr(source);
  checkNames(ast, env, source);
  checkTypes(ast, env, source);
  return toGoJson(evaluateAst(ast, env, source));
}

describe('checkTypes with evaluation matches expr-lang v1.17.8', () => {
  // [expression, Go JSON of the result or null where expr-lang refuses to compile or fails], recorded from Go.
  it.each([
    ["true || nil", null],
    ["1 == \"1\"", null],
    ["s == 1", null],
    ["i == 1.5", "false"],
    ["b == 1", null],
    ["m == 1", null],
    ["arr == 1", null],
    ["arr == [1]", "true"],
    ["m == {}", "false"],
    ["n == 1", "false"],
    ["s == nil", "false"],
    ["i && true", null],
    ["b && m.a", "1"],
    ["m.a && true", "1"],
    ["m.a && false", "false"],
    ["false && m.a", "false"],
    ["true || m.a", "true"],
    ["m.a || false", "1"],
    ["len(s) == \"x\"", null],
    ["upper(s) == 1", null],
    ["string(i) == 1", null],
    ["int(s) == \"x\"", null],
    ["float(i) == \"x\"", null],
    ["(1 + 1) == \"2\"", null],
    ["(1 + 1.5) == \"2\"", null],
    ["(\"a\" + \"b\") == 1", null],
    ["(1 .. 2) == 1", null],
    ["[1] == {}", null],
    ["let x = 1; x == \"1\"", null],
    ["filter(arr, true) == 1", null],
    ["map(arr, #) == \"x\"", null],
    ["count(arr, true) == \"x\"", null],
    ["sprig.upper(s) == 1", "false"],
    ["i == duration(\"1s\")", null],
    ["now() == 1", null],
    ["(i > 1) == 1", null],
    ["not b == 1", null],
    ["-i == \"x\"", null],
    ["1 in arr == 1", null],
    ["type(i) == 1", null],
    ["abs(i) == \"x\"", null],
    ["ceil(f) == \"x\"", null],
    ["first(arr) == \"x\"", "false"],
    ["(b ? 1 : 2) == \"x\"", null],
    ["(s ?? 1) == 1", "false"],
    ["indexOf(s, \"b\") == \"x\"", null],
    ["keys(m) == 1", null],
    ["split(s, \"\") == 1", null],
    ["true and 1", null],
    ["true or \"x\"", null],
    ["!b || 1", null],
    ["m.a == \"1\"", "false"],
    ["m.a && m.b", null],
    ["b && m.x", "null"],
    ["b || m.a", "true"],
    ["!b && 1 > 0", "false"],
    ["b and b", "true"],
  ] as const)('%s', (source, expected) => {
    if (expected === null) expect(() => run(source)).toThrow(ExpressionError);
    else expect(run(source)).toBe(expected);
  });
});

describe('checkTypes', () => {
  const check = (source: string) => () => checkTypes(parseExpr(source), buildEnv(), source);

  it('reports mismatched == with expr-lang wording at the operator', () => {
    expect(check('s == 1')).toThrow('invalid operation: == (mismatched types string and int) at 3 in "s == 1"');
    expect(check('true || nil')).toThrow('invalid operation: || (mismatched types bool and unknown)');
  });

  it('checks the other operand when one side has an unknown type', () => {
    expect(check('m.a + b')).toThrow('invalid operation: + (mismatched types interface {} and bool)');
    expect(check('m.a % f')).toThrow('invalid operation: % (mismatched types interface {} and float64)');
    expect(check('m.a contains 1')).toThrow('invalid operation: contains');
    expect(check('m.a + s')).not.toThrow();
    expect(check('m.a in s')).not.toThrow();
  });

  it('checks predicates, pointers, indexes and builtin arguments', () => {
    expect(check('filter(arr, #index > 0)')).toThrow('unknown pointer #index');
    expect(check('map(arr, #index)')).not.toThrow();
    expect(check('find(arr, 1)')).toThrow('predicate should return boolean (got int)');
    expect(check('sum("a")')).toThrow('builtin sum takes only array (got string)');
    expect(check('arr[1.5]')).toThrow('array elements can only be selected using an integer (got float64)');
    expect(check('n.x')).toThrow('type nil has no field x');
    expect(check('upper(i)')).toThrow('cannot use int as argument (type string) to call upper');
    expect(check('len(i)')).toThrow('invalid argument for len (type int)');
    expect(check('first(s)')).toThrow('cannot get first element from string');
    expect(check('i ? 1 : 2')).toThrow('non-bool expression (type int) used as condition');
    expect(check('-s')).toThrow('invalid operation: - (mismatched type string)');
  });

  it('leaves the arguments of functions of unknown type unchecked, as expr-lang does', () => {
    expect(check('sprig.upper(1 + "a")')).not.toThrow();
    expect(check('asInt(1 + "a")')).toThrow('mismatched types int and string');
  });

  it('accepts whatever involves unknown types', () => {
    expect(check('m.a == "x"')).not.toThrow();
    expect(check('b && m.a')).not.toThrow();
    expect(check('asInt(s) == "x"')).not.toThrow();
  });
});
