import { fail } from './expression-error';
import { deepEqual } from './operators';
import { castToInt64, deepCopy, goFunction, isEmpty, strval } from './sprig-convert';
import { goTypeName, isNil, isValueMap, toValueMap } from './value';
import type { ExprFunction, Value, ValueMap } from './value';

// sprig's list, dict and default functions (list.go, dict.go, defaults.go). Where sprig mutates its argument
// (set, unset, merge), Capstan returns a modified copy instead: expression inputs belong to the caller.

function listOf(name: string, value: Value, verb: string): Value[] {
  if (Array.isArray(value)) return value;
  return fail(`Cannot ${verb} on type ${kindName(value)} (calling sprig.${name})`);
}

/** reflect.Kind names, as sprig's errors and kindOf print them. */
export function kindName(value: Value | undefined): string {
  if (isNil(value)) return 'invalid';
  switch (typeof value) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'string': return 'string';
    case 'function': return 'func';
  }
  if (Array.isArray(value)) return 'slice';
  return goTypeName(value) === 'time.Duration' ? 'int64' : goTypeName(value) === 'time.Time' ? 'struct' : 'map';
}

function inList(haystack: readonly Value[], needle: Value): boolean {
  return haystack.some((item) => deepEqual(needle, item));
}

// mergo.Merge fills keys that are missing or empty in dst; with overwrite, non-empty src values win. Nested maps merge.
function mergeInto(dst: ValueMap, src: ValueMap, overwrite: boolean): ValueMap {
  const out = deepCopy(dst) as ValueMap;
  for (const [key, value] of Object.entries(src)) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    let merged: Value | undefined;
    if (isValueMap(existing) && isValueMap(value)) merged = mergeInto(existing, value, overwrite);
    else if (existing === undefined || isEmpty(existing) || (overwrite && !isEmpty(value))) merged = deepCopy(value);
    if (merged !== undefined) Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function dig(args: Value[]): Value {
  if (args.length < 3) return fail('dig needs at least three arguments');
  let dict = args[args.length - 1];
  const fallback = args[args.length - 2] ?? null;
  const keys = args.slice(0, -2);
  for (const [i, key] of keys.entries()) {
    if (typeof key !== 'string') return fail(`interface conversion: interface {} is ${goTypeName(key)}, not string`);
    if (!isValueMap(dict)) return fail(`interface conversion: interface {} is ${goTypeName(dict)}, not map[string]interface {}`);
    if (!Object.hasOwn(dict, key)) return fallback;
    const step = dict[key] ?? null;
    if (i === keys.length - 1) return step;
    dict = step;
  }
  return fallback;
}

function chunk(size: bigint, list: Value[]): Value[] {
  if (size <= 0n) return fail('runtime error: integer divide by zero');
  const n = Number(size);
  const out: Value[] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

function sliceList(list: Value[], indices: Value[]): Value {
  if (list.length === 0) return null;
  const start = indices.length > 0 ? Number(castToInt64(indices[0])) : 0;
  const end = indices.length > 1 ? Number(castToInt64(indices[1])) : list.length;
  if (start < 0 || end > list.length || start > end) return fail(`reflect: slice index out of range`);
  return list.slice(start, end);
}

/** sprig's list, dict and default functions. */
export const SPRIG_COLLECTION_FUNCTIONS: Record<string, ExprFunction> = {
  default: goFunction('default', ['any', 'any'], (d: Value, ...given: Value[]) => (given.length === 0 || isEmpty(given[0]) ? d : (given[0] ?? null)), true),
  empty: goFunction('empty', ['any'], isEmpty),
  coalesce: goFunction('coalesce', ['any'], (...values: Value[]) => values.find((v) => !isEmpty(v)) ?? null, true),
  all: goFunction('all', ['any'], (...values: Value[]) => values.every((v) => !isEmpty(v)), true),
  any: goFunction('any', ['any'], (...values: Value[]) => values.some((v) => !isEmpty(v)), true),
  compact: goFunction('compact', ['any'], (list: Value) => listOf('compact', list, 'compact').filter((v) => !isEmpty(v))),
  ternary: goFunction('ternary', ['any', 'any', 'bool'], (yes: Value, no: Value, condition: boolean) => (condition ? yes : no)),
  deepCopy: goFunction('deepCopy', ['any'], deepCopy),
  list: goFunction('list', ['any'], (...values: Value[]) => values, true),
  tuple: goFunction('tuple', ['any'], (...values: Value[]) => values, true),
  append: goFunction('append', ['any', 'any'], (list: Value, v: Value) => [...listOf('append', list, 'push'), v]),
  push: goFunction('push', ['any', 'any'], (list: Value, v: Value) => [...listOf('push', list, 'push'), v]),
  prepend: goFunction('prepend', ['any', 'any'], (list: Value, v: Value) => [v, ...listOf('prepend', list, 'prepend')]),
  first: goFunction('first', ['any'], (list: Value) => listOf('first', list, 'find first')[0] ?? null),
  last: goFunction('last', ['any'], (list: Value) => listOf('last', list, 'find last').at(-1) ?? null),
  rest: goFunction('rest', ['any'], (list: Value) => { const l = listOf('rest', list, 'find rest'); return l.length === 0 ? null : l.slice(1); }),
  initial: goFunction('initial', ['any'], (list: Value) => { const l = listOf('initial', list, 'find initial'); return l.length === 0 ? null : l.slice(0, -1); }),
  reverse: goFunction('reverse', ['any'], (list: Value) => [...listOf('reverse', list, 'find reverse')].reverse()),
  uniq: goFunction('uniq', ['any'], (list: Value) => {
    const out: Value[] = [];
    for (const item of listOf('uniq', list, 'find uniq')) if (!inList(out, item)) out.push(item);
    return out;
  }),
  without: goFunction('without', ['any', 'any'], (list: Value, ...omit: Value[]) => listOf('without', list, 'find without').filter((item) => !inList(omit, item)), true),
  has: goFunction('has', ['any', 'any'], (needle: Value, haystack: Value) => (isNil(haystack) ? false : inList(listOf('has', haystack, 'find has'), needle))),
  slice: goFunction('slice', ['any', 'any'], (list: Value, ...indices: Value[]) => sliceList(listOf('slice', list, 'slice'), indices), true),
  concat: goFunction('concat', ['any'], (...lists: Value[]) => lists.flatMap((list) => listOf('concat', list, 'concat')), true),
  chunk: goFunction('chunk', ['int', 'any'], (size: bigint, list: Value) => chunk(size, listOf('chunk', list, 'chunk'))),
  dig: (...args: Value[]) => dig(args),
  dict: goFunction('dict', ['any'], (...values: Value[]) => {
    const entries: Array<readonly [string, Value]> = [];
    for (let i = 0; i < values.length; i += 2) entries.push([strval(values[i]), i + 1 < values.length ? (values[i + 1] ?? null) : '']);
    return toValueMap(entries);
  }, true),
  get: goFunction('get', ['map', 'string'], (d: ValueMap, key: string) => (Object.hasOwn(d, key) ? (d[key] ?? null) : '')),
  set: goFunction('set', ['map', 'string', 'any'], (d: ValueMap, key: string, value: Value) => toValueMap([...Object.entries(d), [key, value]])),
  unset: goFunction('unset', ['map', 'string'], (d: ValueMap, key: string) => toValueMap(Object.entries(d).filter(([k]) => k !== key))),
  hasKey: goFunction('hasKey', ['map', 'string'], (d: ValueMap, key: string) => Object.hasOwn(d, key)),
  pluck: goFunction('pluck', ['string', 'map'], (key: string, ...dicts: ValueMap[]) => dicts.filter((d) => Object.hasOwn(d, key)).map((d) => d[key] ?? null), true),
  keys: goFunction('keys', ['map'], (...dicts: ValueMap[]) => dicts.flatMap((d) => Object.keys(d)), true),
  values: goFunction('values', ['map'], (d: ValueMap) => Object.values(d)),
  pick: goFunction('pick', ['map', 'string'], (d: ValueMap, ...keys: string[]) => toValueMap(keys.filter((k) => Object.hasOwn(d, k)).map((k) => [k, d[k] ?? null] as const)), true),
  omit: goFunction('omit', ['map', 'string'], (d: ValueMap, ...keys: string[]) => toValueMap(Object.entries(d).filter(([k]) => !keys.includes(k))), true),
  merge: goFunction('merge', ['map', 'map'], (dst: ValueMap, ...srcs: ValueMap[]) => srcs.reduce((acc, src) => mergeInto(acc, src, false), dst), true),
  mergeOverwrite: goFunction('mergeOverwrite', ['map', 'map'], (dst: ValueMap, ...srcs: ValueMap[]) => srcs.reduce((acc, src) => mergeInto(acc, src, true), dst), true),
};

// The `must*` variants differ from the plain ones only in returning errors instead of swallowing them; here both fail.
for (const name of ['Compact', 'Append', 'Push', 'Prepend', 'First', 'Last', 'Rest', 'Initial', 'Reverse', 'Uniq', 'Without', 'Has', 'Slice', 'Chunk', 'Merge', 'MergeOverwrite', 'DeepCopy']) {
  const plain = SPRIG_COLLECTION_FUNCTIONS[name.charAt(0).toLowerCase() + name.slice(1)];
  if (plain) SPRIG_COLLECTION_FUNCTIONS[`must${name}`] = plain;
}
