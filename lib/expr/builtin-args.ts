import { fail } from './expression-error';
import { toGoInt } from './operators';
import { goTypeName, isValueMap } from './value';
import type { Value, ValueMap } from './value';

// Argument checks shared by expr-lang's builtins and sprig's functions. The messages follow the ones Go gives when
// a function is called with the wrong number or type of arguments.

/** Checks a function got between `min` and `max` arguments. */
export function expectArgCount(name: string, args: readonly Value[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const expected = min === max ? String(min) : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
  fail(`invalid number of arguments for ${name} (expected ${expected}, got ${args.length})`);
}

/** The i-th argument as a string, or the error Go gives for a mistyped argument. */
export function stringArg(name: string, args: readonly Value[], i: number): string {
  const value = args[i];
  if (typeof value === 'string') return value;
  return fail(`cannot use ${goTypeName(value)} as argument (type string) to call ${name}`);
}

/** The i-th argument as a Go int (floats truncate, as runtime.ToInt does). */
export function intArg(name: string, args: readonly Value[], i: number): bigint {
  const value = args[i] ?? null;
  if (typeof value === 'bigint' || typeof value === 'number') return toGoInt(value);
  return fail(`cannot use ${goTypeName(value)} as argument (type int) to call ${name}`);
}

/** The i-th argument as an array. */
export function arrayArg(name: string, args: readonly Value[], i: number): Value[] {
  const value = args[i];
  if (Array.isArray(value)) return value;
  return fail(`cannot use ${goTypeName(value)} as argument (type []interface {}) to call ${name}`);
}

/** The i-th argument as a map. */
export function mapArg(name: string, args: readonly Value[], i: number): ValueMap {
  const value = args[i];
  if (isValueMap(value)) return value;
  return fail(`cannot use ${goTypeName(value)} as argument (type map[string]interface {}) to call ${name}`);
}
