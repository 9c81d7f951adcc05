import { GoDuration, GoTime } from './go-time';

// The values an expression computes with, mirroring Go's dynamic types in expr-lang:
//   nil -> null, bool -> boolean, int -> bigint (64-bit, wraps like Go), float64 -> number, string -> string,
//   []any -> Value[], map[string]any -> ValueMap (own properties only), time.Time/Duration -> GoTime/GoDuration,
//   func -> ExprFunction.
// Keeping int and float apart matters: `7 / 2` is 3.5, `7 % 2` is an int, `string(1e6)` is "1e+06".

/** A value an expression can compute with. */
export type Value = null | boolean | bigint | number | string | GoTime | GoDuration | ExprFunction | Value[] | ValueMap;

/** A map value; keys are strings, as in Argo's map[string]any environments. */
export interface ValueMap {
  [key: string]: Value;
}

/** A function callable from an expression. Throw ExpressionError (via `fail`) to report a failure. */
export type ExprFunction = (...args: Value[]) => Value;

/** Whether a value is a map (a plain object, not an array, time or duration). */
export function isValueMap(value: unknown): value is ValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    !(value instanceof GoTime) && !(value instanceof GoDuration);
}

/** Whether a value is nil; `undefined` (a missing property from the caller's data) counts as nil. */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Reads an own property of a map: inherited properties such as `constructor` are not keys. */
export function getOwn(map: ValueMap, key: string): Value | undefined {
  return Object.hasOwn(map, key) ? (map[key] ?? null) : undefined;
}

/** Sets an own property even for keys like `__proto__`, which plain assignment would treat specially. */
export function setOwn(map: ValueMap, key: string, value: Value): void {
  // defineProperty is slow on V8, so only the one key assignment mishandles takes that path.
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Builds a map from entries, safely for any key. */
export function toValueMap(entries: Iterable<readonly [string, Value]>): ValueMap {
  const map: ValueMap = {};
  for (const [key, value] of entries) setOwn(map, key, value);
  return map;
}

/** Wraps an integer into Go's 64-bit int range, as Go arithmetic overflows. */
export function toInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** Converts a float to an int the way Go's int(f) conversion does (truncation toward zero). */
export function truncateToInt(value: number): bigint {
  if (!Number.isFinite(value)) return -9_223_372_036_854_775_808n; // what amd64 produces for NaN and ±Inf
  return toInt64(BigInt(Math.trunc(value)));
}

/** The Go type name of a value, as `%T` prints it in error messages. */
export function goTypeName(value: unknown): string {
  if (isNil(value)) return '<nil>';
  switch (typeof value) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'string': return 'string';
    case 'function': return 'func(...interface {}) interface {}';
  }
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoDuration) return 'time.Duration';
  return 'map[string]interface {}';
}

/** The name expr-lang's `type()` builtin gives a value: nil, bool, int, float, string, array, map, or a Go type. */
export function exprTypeName(value: unknown): string {
  if (isNil(value)) return 'nil';
  switch (typeof value) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'string';
    case 'function': return 'func';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoDuration) return 'time.Duration';
  return 'map';
}

/** Converts an arbitrary JavaScript value (parsed JSON, caller data) into a Value: numbers stay float64. */
export function toValue(input: unknown): Value {
  if (isNil(input)) return null;
  switch (typeof input) {
    case 'boolean': case 'bigint': case 'number': case 'string': return input;
    case 'function': return input as ExprFunction;
  }
  if (Array.isArray(input)) return input.map(toValue);
  if (input instanceof GoTime || input instanceof GoDuration) return input;
  if (input instanceof Date) return new GoTime(BigInt(input.getTime()) * 1_000_000n);
  if (typeof input === 'object') {
    return toValueMap(Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, toValue(v)] as const));
  }
  return String(input);
}

/** Converts a Value into plain JavaScript data: ints become numbers (or strings beyond 2^53), times ISO strings. */
export function toPlainValue(value: Value): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : String(value);
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value instanceof GoTime) return new Date(Number(value.epochNanos / 1_000_000n)).toISOString();
  if (value instanceof GoDuration) return Number(value.nanos);
  if (isValueMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainValue(v)]));
  }
  return value;
}
