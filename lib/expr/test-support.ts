import { expect, it } from 'vitest';
import { evaluateExpression, ExpressionError, toExpressionEnv, toGoJson } from './index';
import { setOwn } from './value';
import type { Value, ValueMap } from './value';

// Shared by the expression tests. The case tables were produced by running each expression through expr-lang
// v1.17.8 with Argo v4.1.2's environment (asInt, asFloat, jsonpath, toJson, sprig) and recording Go's JSON encoding
// of the result, or null where expr-lang reported an error. Matching the JSON text checks values and Go's number
// formatting at once.

/** The clock used wherever a test needs `now`. */
export const FIXED_NOW = new Date('2024-05-06T07:08:09Z');

/** The variables the recorded cases were evaluated with (ints as Go ints, as JSON decoding gave the reference). */
export const ORACLE_VARIABLES: Record<string, Value> = {
  a: { b: null, c: { d: 1n } },
  s: 'abc',
  arr: [1n, 2n, 3n],
  n: null,
  objs: [
    { name: 'Baris', age: 43n, dept: 'x' },
    { name: 'Mo', age: 42n, dept: 'y' },
    { name: 'Bo', age: 20n, dept: 'x' },
  ],
};

/** Argo's environment plus the test variables. */
export function buildOracleEnv(): ValueMap {
  const env = toExpressionEnv({}, { now: FIXED_NOW });
  for (const [key, value] of Object.entries(ORACLE_VARIABLES)) setOwn(env, key, value);
  return env;
}

/** Declares one test per recorded case: the Go JSON of the result, or an ExpressionError when expected is null. */
export function itMatchesExprLang(cases: ReadonlyArray<readonly [string, string | null]>): void {
  const env = buildOracleEnv();
  it.each(cases)('%s', (source, expected) => {
    if (expected === null) {
      expect(() => toGoJson(evaluateExpression(source, env, { now: FIXED_NOW }))).toThrow(ExpressionError);
    } else {
      expect(toGoJson(evaluateExpression(source, env, { now: FIXED_NOW }))).toBe(expected);
    }
  });
}
