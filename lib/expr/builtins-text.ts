import { fail } from './expression-error';
import { arrayArg, expectArgCount, intArg, stringArg } from './builtin-args';
import { formatGoValue } from './format-go-value';
import { decodeBase64, encodeBase64, parseGoFloat, parseGoInt } from './go-encoding';
import { fromGoJson, toGoJson } from './go-json';
import { goIndex, goLastIndex, goReplace, goSplit, goToLower, goToUpper, goTrim, goTrimSpace } from './go-strings';
import { parseGoDuration } from './go-time';
import type { GoTime } from './go-time';
import { parseGoTime } from './go-time-layout';
import { exprTypeName, goTypeName, truncateToInt } from './value';
import type { Value } from './value';

// expr-lang's string, conversion, encoding and time builtins. Time needs a clock, which lib/ may not read: `now()`
// uses the `now` the caller passes in, and fails without one.

/** What builtins may need from the caller besides their arguments. */
export interface BuiltinContext {
  now?: GoTime;
}

type Builtin = (args: Value[], context: BuiltinContext) => Value;

/** expr-lang's int(): ints pass, floats truncate, strings parse as decimal (strconv.Atoi). */
export function toIntValue(value: Value | undefined): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return truncateToInt(value);
  if (typeof value === 'string') {
    const parsed = parseGoInt(value);
    if (parsed === undefined) fail(`invalid operation: int(${value})`);
    return parsed;
  }
  return fail(`invalid operation: int(${goTypeName(value)})`);
}

/** expr-lang's float(): numbers convert, strings parse with strconv.ParseFloat. */
export function toFloatValue(value: Value | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const parsed = parseGoFloat(value);
    if (parsed === undefined) fail(`invalid operation: float(${value})`);
    return parsed;
  }
  return fail(`invalid operation: float(${goTypeName(value)})`);
}

function unary(name: string, fn: (text: string) => Value): Builtin {
  return (args) => {
    expectArgCount(name, args, 1);
    return fn(stringArg(name, args, 0));
  };
}

function binary(name: string, fn: (a: string, b: string) => Value): Builtin {
  return (args) => {
    expectArgCount(name, args, 2);
    return fn(stringArg(name, args, 0), stringArg(name, args, 1));
  };
}

const DATE_LAYOUTS = ['2006-01-02', '15:04:05', '2006-01-02 15:04:05', '2006-01-02T15:04:05Z07:00',
  '02 Jan 06 15:04 MST', 'Monday, 02-Jan-06 15:04:05 MST', 'Mon, 02 Jan 2006 15:04:05 MST'];

/** The string, conversion, encoding and time builtins of expr-lang, by name. */
export const TEXT_BUILTINS: Record<string, Builtin> = {
  trim: (args) => {
    expectArgCount('trim', args, 1, 2);
    const text = stringArg('trim', args, 0);
    return args.length === 1 ? goTrimSpace(text) : goTrim(text, stringArg('trim', args, 1));
  },
  trimPrefix: (args) => {
    expectArgCount('trimPrefix', args, 1, 2);
    const text = stringArg('trimPrefix', args, 0);
    const prefix = args.length === 2 ? stringArg('trimPrefix', args, 1) : ' ';
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimSuffix: (args) => {
    expectArgCount('trimSuffix', args, 1, 2);
    const text = stringArg('trimSuffix', args, 0);
    const suffix = args.length === 2 ? stringArg('trimSuffix', args, 1) : ' ';
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  upper: unary('upper', goToUpper),
  lower: unary('lower', goToLower),
  split: (args) => {
    expectArgCount('split', args, 2, 3);
    const n = args.length === 3 ? Number(intArg('split', args, 2)) : -1;
    return goSplit(stringArg('split', args, 0), stringArg('split', args, 1), n);
  },
  splitAfter: (args) => {
    expectArgCount('splitAfter', args, 2, 3);
    const n = args.length === 3 ? Number(intArg('splitAfter', args, 2)) : -1;
    return goSplit(stringArg('splitAfter', args, 0), stringArg('splitAfter', args, 1), n, true);
  },
  replace: (args) => {
    expectArgCount('replace', args, 3, 4);
    const n = args.length === 4 ? Number(intArg('replace', args, 3)) : -1;
    return goReplace(stringArg('replace', args, 0), stringArg('replace', args, 1), stringArg('replace', args, 2), n);
  },
  repeat: (args) => {
    expectArgCount('repeat', args, 2);
    const text = stringArg('repeat', args, 0);
    const n = intArg('repeat', args, 1);
    if (n < 0n) fail(`invalid argument for repeat (expected positive integer, got ${n})`);
    if (n > 1_000_000n) fail('memory budget exceeded');
    return text.repeat(Number(n));
  },
  join: (args) => {
    expectArgCount('join', args, 1, 2);
    const glue = args.length === 2 ? stringArg('join', args, 1) : '';
    return arrayArg('join', args, 0).map((item) => {
      if (typeof item !== 'string') fail(`interface conversion: interface {} is ${goTypeName(item)}, not string`);
      return item;
    }).join(glue);
  },
  indexOf: binary('indexOf', (text, sub) => BigInt(goIndex(text, sub))),
  lastIndexOf: binary('lastIndexOf', (text, sub) => BigInt(goLastIndex(text, sub))),
  hasPrefix: binary('hasPrefix', (text, prefix) => text.startsWith(prefix)),
  hasSuffix: binary('hasSuffix', (text, suffix) => text.endsWith(suffix)),
  type: (args) => {
    expectArgCount('type', args, 1);
    return exprTypeName(args[0]);
  },
  int: (args) => {
    expectArgCount('int', args, 1);
    return toIntValue(args[0]);
  },
  float: (args) => {
    expectArgCount('float', args, 1);
    return toFloatValue(args[0]);
  },
  string: (args) => {
    expectArgCount('string', args, 1);
    return formatGoValue(args[0]);
  },
  toJSON: (args) => {
    expectArgCount('toJSON', args, 1);
    return toGoJson(args[0] ?? null, { indent: '  ' });
  },
  fromJSON: unary('fromJSON', fromGoJson),
  toBase64: unary('toBase64', encodeBase64),
  fromBase64: unary('fromBase64', decodeBase64),
  now: (args, context) => {
    expectArgCount('now', args, 0);
    if (!context.now) return fail('now() needs a clock: pass `now` in the evaluation options');
    return context.now;
  },
  duration: unary('duration', parseGoDuration),
  date: (args) => {
    expectArgCount('date', args, 1, 3);
    const text = stringArg('date', args, 0);
    if (args.length === 3 && stringArg('date', args, 2) !== 'UTC') {
      fail(`unknown time zone ${stringArg('date', args, 2)} (only UTC is available)`);
    }
    if (args.length >= 2) return parseGoTime(text, stringArg('date', args, 1));
    for (const layout of DATE_LAYOUTS) {
      try {
        return parseGoTime(text, layout);
      } catch {
        // try the next layout, as expr-lang does
      }
    }
    return fail(`invalid date ${text}`);
  },
  timezone: () => fail('timezone() is not supported: Capstan has no time zone database; times are UTC or fixed offsets'),
};
