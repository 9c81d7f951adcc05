import { fail } from './expression-error';
import { readSortOrder } from './builtins-collections';
import { formatGoValue } from './format-go-value';
import { toUtf8 } from './go-encoding';
import { add, compare } from './operators';
import { goTypeName, toValueMap } from './value';
import type { Value, ValueMap } from './value';

// The builtins that take a predicate: all, any, filter, map, reduce... The evaluator hands over the array and a
// callback that runs the predicate with `#` bound to an element (and `#index`, `#acc`).

/** Runs the predicate for one element; `acc` is bound only inside reduce. */
export type RunPredicate = (item: Value, index: number, acc?: Value) => Value;

function truth(name: string, value: Value): boolean {
  if (typeof value === 'boolean') return value;
  return fail(`predicate of ${name} should return boolean (got ${goTypeName(value)})`);
}

// expr-lang iterates with reflection, so a string (when its type was not known at compile time) yields its
// UTF-8 bytes as ints; anything else that is not an array fails.
function requireArray(name: string, value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(toUtf8(value), (byte) => BigInt(byte));
  return fail(`builtin ${name} takes only array (got ${goTypeName(value)})`);
}

/**
 * Calls predicate builtin `name` over `collection`. `predicate` is undefined for `count(array)` and `sum(array)`;
 * `extra` is the optional third argument (sortBy's order, reduce's initial value).
 */
export function callPredicateBuiltin(name: string, collection: Value, predicate: RunPredicate | undefined, extra?: Value): Value {
  const items = requireArray(name, collection);
  const run: RunPredicate = predicate ?? ((item) => item);
  const test = (item: Value, index: number): boolean => truth(name, run(item, index));
  switch (name) {
    case 'all': return items.every(test);
    case 'any': return items.some(test);
    case 'none': return !items.some(test);
    case 'one': return items.filter(test).length === 1;
    case 'filter': return items.filter(test);
    case 'map': return items.map((item, index) => run(item, index));
    case 'count': return BigInt(items.filter(test).length);
    case 'find': return items.find(test) ?? null;
    // expr-lang's documentation says -1 when nothing matches; v1.17.8 actually yields nil, and so does this.
    case 'findIndex': {
      const index = items.findIndex(test);
      return index < 0 ? null : BigInt(index);
    }
    case 'findLast': {
      for (let i = items.length - 1; i >= 0; i--) if (test(items[i] ?? null, i)) return items[i] ?? null;
      return null;
    }
    case 'findLastIndex': {
      for (let i = items.length - 1; i >= 0; i--) if (test(items[i] ?? null, i)) return BigInt(i);
      return null;
    }
    // Go adds each element to the running total in that order, which shows in its error messages.
    case 'sum': return items.reduce<Value>((total, item, index) => add(run(item, index), total), 0n);
    case 'groupBy': {
      const groups: ValueMap = toValueMap([]);
      for (const [index, item] of items.entries()) {
        // Go groups by any key; Capstan's maps are keyed by strings, so a key is its `%v` text.
        const value = run(item, index);
        const key = typeof value === 'string' ? value : formatGoValue(value);
        const group = Object.hasOwn(groups, key) ? groups[key] : undefined;
        if (Array.isArray(group)) group.push(item);
        else Object.defineProperty(groups, key, { value: [item], enumerable: true, writable: true, configurable: true });
      }
      return groups;
    }
    case 'sortBy': {
      const keyed = items.map((item, index) => ({ item, key: run(item, index) }));
      keyed.sort((a, b) => compare(a.key, b.key, '<'));
      const sorted = keyed.map(({ item }) => item);
      return readSortOrder(extra) ? sorted.reverse() : sorted;
    }
    case 'reduce': {
      let start = 0;
      let acc: Value;
      if (extra !== undefined) acc = extra;
      else {
        if (items.length === 0) return fail('reduce of empty array with no initial value');
        acc = items[0] ?? null;
        start = 1;
      }
      for (let i = start; i < items.length; i++) acc = run(items[i] ?? null, i, acc);
      return acc;
    }
    default:
      return fail(`unknown predicate builtin ${name}`);
  }
}
