import { fail } from './expression-error';
import { arrayArg, expectArgCount, intArg, mapArg } from './builtin-args';
import { toUtf8 } from './go-encoding';
import { compare, equal, toGoInt } from './operators';
import { goTypeName, isNil, isValueMap, toInt64, toValueMap } from './value';
import type { Value } from './value';

// expr-lang's builtins over arrays, maps and numbers (builtin/builtin.go, builtin/lib.go).

type Builtin = (args: Value[]) => Value;

/** Whether a value is a Go int or float. */
function isNumber(value: Value | undefined): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

// max/min/mean/median accept numbers and arrays of numbers, nested arrays too.
function collectNumbers(name: string, args: readonly Value[], out: Array<bigint | number> = []): Array<bigint | number> {
  for (const arg of args) {
    if (isNumber(arg)) out.push(arg);
    else if (Array.isArray(arg)) collectNumbers(name, arg, out);
    else fail(`invalid argument for ${name} (type ${goTypeName(arg)})`);
  }
  return out;
}

function extreme(name: string, args: Value[], wantMax: boolean): Value {
  if (args.length === 0) fail(`not enough arguments to call ${name}`);
  // A single argument that is neither a number nor an array comes back as it is (builtin minMax's fallback).
  const [only] = args;
  if (args.length === 1 && only !== undefined && !isNumber(only) && !Array.isArray(only)) return only;
  let best: bigint | number | null = null;
  for (const value of collectNumbers(name, args)) {
    if (best === null || (wantMax ? compare(best, value, '<') < 0 : compare(best, value, '>') > 0)) best = value;
  }
  return best;
}

function rounding(name: string, round: (x: number) => number): Builtin {
  return (args) => {
    expectArgCount(name, args, 1);
    const value = args[0];
    if (typeof value === 'number') return round(value);
    if (typeof value === 'bigint') return Number(value);
    return fail(`invalid argument for ${name} (type ${goTypeName(value)})`);
  };
}

// Go's math.Round rounds half away from zero; JavaScript's Math.round rounds half up.
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function bitFunction(name: string, op: (x: bigint, y: bigint) => bigint, isShift = false): Builtin {
  return (args) => {
    expectArgCount(name, args, 2);
    const x = bitOperand(name, args[0]);
    const y = bitOperand(name, args[1]);
    if (isShift && y < 0n) fail(`invalid operation: negative shift count ${y} (type int)`);
    return toInt64(op(x, y));
  };
}

function bitOperand(name: string, value: Value | undefined): bigint {
  if (typeof value === 'bigint') return value;
  return fail(`cannot use ${goTypeName(value)} as argument (type int) to call ${name}`);
}

function flatten(items: readonly Value[]): Value[] {
  return items.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item]));
}

function sortValues(items: Value[], descending: boolean): Value[] {
  const sorted = [...items];
  sorted.sort((a, b) => compare(a, b, '<'));
  return descending ? sorted.reverse() : sorted;
}

/** Reads a sort order argument: "asc" (the default) or "desc". */
export function readSortOrder(order: Value | undefined): boolean {
  if (order === undefined) return false;
  if (typeof order !== 'string') return fail(`sort order argument must be a string (got ${goTypeName(order)})`);
  if (order !== 'asc' && order !== 'desc') fail(`invalid order ${order}, expected asc or desc`);
  return order === 'desc';
}

// first/last fetch index 0 or -1 and turn any failure into nil: a string gives a byte, other values nil. (The type
// checker refuses arguments known not to be arrays before this runs.)
function edgeElement(value: Value, index: number): Value {
  if (Array.isArray(value)) return value.at(index) ?? null;
  if (typeof value === 'string') {
    const byte = toUtf8(value).at(index);
    return byte === undefined ? null : BigInt(byte);
  }
  return null;
}

/** expr-lang's `get(array|map, index)`: like indexing, but nil instead of an error when out of range or missing. */
export function getElement(from: Value, index: Value): Value {
  if (isNil(from)) return null;
  if (Array.isArray(from)) {
    const length = BigInt(from.length);
    let i = toGoInt(index);
    if (i < 0n) i += length;
    return i >= 0n && i < length ? (from[Number(i)] ?? null) : null;
  }
  if (isValueMap(from)) {
    const key = isNil(index) ? '' : index;
    return typeof key === 'string' && Object.hasOwn(from, key) ? (from[key] ?? null) : null;
  }
  return null;
}

/** The non-predicate collection and math builtins of expr-lang, by name. */
export const COLLECTION_BUILTINS: Record<string, Builtin> = {
  abs: (args) => {
    expectArgCount('abs', args, 1);
    const value = args[0];
    if (typeof value === 'bigint') return value < 0n ? toInt64(-value) : value;
    if (typeof value === 'number') return Math.abs(value);
    return fail(`invalid argument for abs (type ${goTypeName(value)})`);
  },
  ceil: rounding('ceil', Math.ceil),
  floor: rounding('floor', Math.floor),
  round: rounding('round', roundHalfAwayFromZero),
  max: (args) => extreme('max', args, true),
  min: (args) => extreme('min', args, false),
  mean: (args) => {
    const numbers = collectNumbers('mean', args);
    return numbers.length === 0 ? 0 : numbers.reduce<number>((sum, n) => sum + Number(n), 0) / numbers.length;
  },
  median: (args) => {
    const numbers = collectNumbers('median', args).map(Number).sort((a, b) => a - b);
    const n = numbers.length;
    if (n === 0) return 0;
    return n % 2 === 1 ? (numbers[(n - 1) / 2] ?? 0) : ((numbers[n / 2 - 1] ?? 0) + (numbers[n / 2] ?? 0)) / 2;
  },
  first: (args) => {
    expectArgCount('first', args, 1);
    return edgeElement(args[0] ?? null, 0);
  },
  last: (args) => {
    expectArgCount('last', args, 1);
    return edgeElement(args[0] ?? null, -1);
  },
  get: (args) => {
    expectArgCount('get', args, 2);
    return getElement(args[0] ?? null, args[1] ?? null);
  },
  take: (args) => {
    expectArgCount('take', args, 2);
    const array = arrayArg('take', args, 0);
    const n = intArg('take', args, 1);
    if (n < 0n) fail('reflect.Value.Slice: slice index out of bounds');
    return array.slice(0, Number(n > BigInt(array.length) ? BigInt(array.length) : n));
  },
  keys: (args) => {
    expectArgCount('keys', args, 1);
    return Object.keys(mapArg('keys', args, 0));
  },
  values: (args) => {
    expectArgCount('values', args, 1);
    return Object.values(mapArg('values', args, 0));
  },
  toPairs: (args) => {
    expectArgCount('toPairs', args, 1);
    return Object.entries(mapArg('toPairs', args, 0)).map(([key, value]) => [key, value]);
  },
  fromPairs: (args) => {
    expectArgCount('fromPairs', args, 1);
    return toValueMap(arrayArg('fromPairs', args, 0).map((pair) => {
      if (!Array.isArray(pair)) return fail(`invalid pair ${goTypeName(pair)}`);
      if (pair.length !== 2) return fail(`invalid pair length ${pair.length}`);
      const [key, value] = pair;
      // Go builds a map[any]any; Capstan's maps have string keys, so non-string keys are refused.
      if (typeof key !== 'string') return fail(`fromPairs: map keys must be strings (got ${goTypeName(key)})`);
      return [key, value ?? null] as const;
    }));
  },
  reverse: (args) => {
    expectArgCount('reverse', args, 1);
    return [...arrayArg('reverse', args, 0)].reverse();
  },
  uniq: (args) => {
    expectArgCount('uniq', args, 1);
    const out: Value[] = [];
    for (const item of arrayArg('uniq', args, 0)) if (!out.some((seen) => equal(seen, item))) out.push(item);
    return out;
  },
  concat: (args) => {
    if (args.length === 0) fail('invalid number of arguments (expected at least 1, got 0)');
    return args.flatMap((_, i) => arrayArg('concat', args, i));
  },
  flatten: (args) => {
    expectArgCount('flatten', args, 1);
    return flatten(arrayArg('flatten', args, 0));
  },
  sort: (args) => {
    expectArgCount('sort', args, 1, 2);
    const items = args[0];
    // expr-lang sorts nothing, and returns nil, when the value turns out not to be an array at run time.
    if (!Array.isArray(items)) return null;
    return sortValues(items, readSortOrder(args[1]));
  },
  len: (args) => {
    expectArgCount('len', args, 1);
    const value = args[0];
    if (typeof value === 'string') return BigInt([...value].length);
    if (Array.isArray(value)) return BigInt(value.length);
    if (isValueMap(value)) return BigInt(Object.keys(value).length);
    return fail(`invalid argument for len (type ${goTypeName(value)})`);
  },
  bitand: bitFunction('bitand', (x, y) => x & y),
  bitor: bitFunction('bitor', (x, y) => x | y),
  bitxor: bitFunction('bitxor', (x, y) => x ^ y),
  bitnand: bitFunction('bitnand', (x, y) => x & ~y),
  // Shifts of 64 or more are clamped first: Go's results are known (0 or -1) and BigInt would grow without bound.
  bitshl: bitFunction('bitshl', (x, y) => (y >= 64n ? 0n : x << y), true),
  bitshr: bitFunction('bitshr', (x, y) => (y >= 64n ? (x < 0n ? -1n : 0n) : x >> y), true),
  bitushr: bitFunction('bitushr', (x, y) => (y >= 64n ? 0n : BigInt.asUintN(64, x) >> y), true),
  bitnot: (args) => {
    expectArgCount('bitnot', args, 1);
    return toInt64(~bitOperand('bitnot', args[0]));
  },
};
