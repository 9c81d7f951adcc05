import { fail } from './expression-error';
import { GoDuration, GoTime } from './go-time';
import { goTypeName, isNil, isValueMap, toInt64 } from './value';
import type { Value } from './value';

// expr-lang's runtime helpers (vm/runtime/helpers): int op int stays int (wrapping at 64 bits), any float makes a
// float, strings concatenate and compare, times and durations do what Go's time package allows. Anything else is
// the same "invalid operation" error expr-lang panics with.

type Numeric = bigint | number;

function isNumeric(value: unknown): value is Numeric {
  return typeof value === 'bigint' || typeof value === 'number';
}

function invalid(left: unknown, operator: string, right: unknown): never {
  return fail(`invalid operation: ${goTypeName(left)} ${operator} ${goTypeName(right)}`);
}

/** Applies a numeric operator with Go's int/float promotion; `undefined` when either side is not a number. */
function arithmetic(a: unknown, b: unknown, onInts: (x: bigint, y: bigint) => bigint, onFloats: (x: number, y: number) => number): Value | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') return toInt64(onInts(a, b));
  if (isNumeric(a) && isNumeric(b)) return onFloats(Number(a), Number(b));
  return undefined;
}

/** expr-lang's `==`: numbers compare across int and float, arrays element-wise, maps deeply, mismatched types unequal. */
export function equal(a: Value | undefined, b: Value | undefined): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    return typeof a === 'bigint' && typeof b === 'bigint' ? a === b : Number(a) === Number(b);
  }
  if (typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (a instanceof GoTime) return b instanceof GoTime && a.epochNanos === b.epochNanos;
  if (a instanceof GoDuration) return b instanceof GoDuration && a.nanos === b.nanos;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  return deepEqual(a, b);
}

/** Go's reflect.DeepEqual on dynamic values: unlike `==`, an int never equals a float here. */
export function deepEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return a === b; // NaN is not DeepEqual to itself either
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a instanceof GoTime || b instanceof GoTime) return a instanceof GoTime && b instanceof GoTime && a.epochNanos === b.epochNanos && a.offsetSeconds === b.offsetSeconds;
  if (a instanceof GoDuration || b instanceof GoDuration) return a instanceof GoDuration && b instanceof GoDuration && a.nanos === b.nanos;
  if (!isValueMap(a) || !isValueMap(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

/** Orders two values for `<` and friends: -1, 0 or 1; numbers, strings, times and durations only. */
export function compare(a: Value, b: Value, operator: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.NaN;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof GoTime && b instanceof GoTime) return a.epochNanos < b.epochNanos ? -1 : a.epochNanos > b.epochNanos ? 1 : 0;
  if (a instanceof GoDuration && b instanceof GoDuration) return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
  return invalid(a, operator, b);
}

/** `+`: numbers add, strings concatenate, durations add to times and durations. */
export function add(a: Value, b: Value): Value {
  const sum = arithmetic(a, b, (x, y) => x + y, (x, y) => x + y);
  if (sum !== undefined) return sum;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof GoTime && b instanceof GoDuration) return new GoTime(a.epochNanos + b.nanos, a.offsetSeconds, a.zone);
  if (a instanceof GoDuration && b instanceof GoTime) return new GoTime(b.epochNanos + a.nanos, b.offsetSeconds, b.zone);
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(toInt64(a.nanos + b.nanos));
  return invalid(a, '+', b);
}

/** `-`: numbers subtract; time minus time is a duration; time minus duration is a time. */
export function subtract(a: Value, b: Value): Value {
  const difference = arithmetic(a, b, (x, y) => x - y, (x, y) => x - y);
  if (difference !== undefined) return difference;
  if (a instanceof GoTime && b instanceof GoTime) return new GoDuration(toInt64(a.epochNanos - b.epochNanos));
  if (a instanceof GoTime && b instanceof GoDuration) return new GoTime(a.epochNanos - b.nanos, a.offsetSeconds, a.zone);
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(toInt64(a.nanos - b.nanos));
  return invalid(a, '-', b);
}

/** `*`: numbers multiply; a duration times an int or duration scales it, times a float gives a float (as in Go). */
export function multiply(a: Value, b: Value): Value {
  const product = arithmetic(a, b, (x, y) => x * y, (x, y) => x * y);
  if (product !== undefined) return product;
  const nanos = (v: Value): bigint | undefined => (v instanceof GoDuration ? v.nanos : typeof v === 'bigint' ? v : undefined);
  if (a instanceof GoDuration || b instanceof GoDuration) {
    const x = nanos(a);
    const y = nanos(b);
    if (x !== undefined && y !== undefined) return new GoDuration(toInt64(x * y));
    if (typeof a === 'number' || typeof b === 'number') return Number(x ?? a) * Number(y ?? b);
  }
  return invalid(a, '*', b);
}

/** `/`: always a float in expr-lang, even for two ints (7 / 2 == 3.5). */
export function divide(a: Value, b: Value): number {
  if (isNumeric(a) && isNumeric(b)) return Number(a) / Number(b);
  return invalid(a, '/', b);
}

/** `%`: ints only; a zero divisor is Go's runtime error. */
export function modulo(a: Value, b: Value): bigint {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') return invalid(a, '%', b);
  if (b === 0n) return fail('runtime error: integer divide by zero');
  return toInt64(a % b);
}

/** `**` and `^`: always a float (math.Pow). */
export function power(a: Value, b: Value): number {
  if (isNumeric(a) && isNumeric(b)) return goPow(Number(a), Number(b));
  return invalid(a, '**', b);
}

// Go's math.Pow differs from JavaScript's `**` at one edge: Pow(-1, ±Inf) is 1 in Go, NaN in JavaScript.
function goPow(x: number, y: number): number {
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return x ** y;
}

/** Unary minus, for ints (wrapping) and floats. */
export function negate(value: Value): Value {
  if (typeof value === 'bigint') return toInt64(-value);
  if (typeof value === 'number') return -value;
  if (value instanceof GoDuration) return new GoDuration(toInt64(-value.nanos));
  return fail(`invalid operation: - ${goTypeName(value)}`);
}

/** Converts a number to Go int as runtime.ToInt does (floats truncate); other types are errors. */
export function toGoInt(value: Value): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? toInt64(BigInt(Math.trunc(value))) : -9_223_372_036_854_775_808n;
  return fail(`invalid operation: int(${goTypeName(value)})`);
}

/** `a..b`: the ints from a to b inclusive, empty when b < a. */
export function range(from: Value, to: Value): bigint[] {
  const start = toGoInt(from);
  const end = toGoInt(to);
  if (end - start + 1n > 10_000_000n) return fail('memory budget exceeded');
  const items: bigint[] = [];
  for (let i = start; i <= end; i += 1n) items.push(i);
  return items;
}

/** `x in collection`: membership in an array (by ==) or among a map's keys; nil holds nothing. */
export function contains(collection: Value, needle: Value): boolean {
  if (isNil(collection)) return false;
  if (Array.isArray(collection)) return collection.some((item) => equal(item, needle));
  if (isValueMap(collection)) {
    if (typeof needle !== 'string') return isNil(needle) ? Object.hasOwn(collection, '') : false;
    return Object.hasOwn(collection, needle);
  }
  return fail(`operator "in" not defined on ${goTypeName(collection)}`);
}
