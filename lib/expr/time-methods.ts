import { fail } from './expression-error';
import { formatGoValue } from './format-go-value';
import { durationSeconds, fromCivilTime, GoDuration, GoTime, toCivilTime, unixSeconds } from './go-time';
import { formatGoTime } from './go-time-layout';
import { compare } from './operators';
import { goTypeName, toInt64 } from './value';
import type { ExprFunction, Value } from './value';

// The methods of time.Time and time.Duration that expressions call, e.g. `(now() - t).Seconds() > 360`.

type Method<T> = (self: T, args: Value[]) => Value;

function timeArg(name: string, args: Value[]): GoTime {
  const value = args[0];
  if (args.length === 1 && value instanceof GoTime) return value;
  return fail(`cannot use ${goTypeName(value)} as argument (type time.Time) to call ${name}`);
}

function durationArg(name: string, args: Value[]): GoDuration {
  const value = args[0];
  if (args.length === 1 && value instanceof GoDuration) return value;
  if (args.length === 1 && typeof value === 'bigint') return new GoDuration(value); // Duration is an int64 in Go
  return fail(`cannot use ${goTypeName(value)} as argument (type time.Duration) to call ${name}`);
}

const civil = (t: GoTime): ReturnType<typeof toCivilTime> => toCivilTime(t);

const TIME_METHODS: Record<string, Method<GoTime>> = {
  Year: (t) => BigInt(civil(t).year),
  Month: (t) => BigInt(civil(t).month),
  Day: (t) => BigInt(civil(t).day),
  Hour: (t) => BigInt(civil(t).hour),
  Minute: (t) => BigInt(civil(t).minute),
  Second: (t) => BigInt(civil(t).second),
  Nanosecond: (t) => BigInt(civil(t).nanosecond),
  Weekday: (t) => BigInt(civil(t).weekday),
  YearDay: (t) => BigInt(civil(t).yearDay),
  Unix: (t) => unixSeconds(t),
  UnixMilli: (t) => t.epochNanos / 1_000_000n - (t.epochNanos % 1_000_000n < 0n ? 1n : 0n),
  UnixMicro: (t) => t.epochNanos / 1_000n - (t.epochNanos % 1_000n < 0n ? 1n : 0n),
  UnixNano: (t) => t.epochNanos,
  Sub: (t, args) => new GoDuration(toInt64(t.epochNanos - timeArg('Sub', args).epochNanos)),
  Add: (t, args) => new GoTime(t.epochNanos + durationArg('Add', args).nanos, t.offsetSeconds, t.zone),
  AddDate: (t, args) => {
    const [years, months, days] = args.map((arg) => (typeof arg === 'bigint' ? Number(arg) : fail('AddDate takes three ints')));
    const c = civil(t);
    // Go normalises overflowing fields (Jan 31 + 1 month is Mar 3), which is what Date.UTC does too.
    return fromCivilTime({ ...c, year: c.year + (years ?? 0), month: c.month + (months ?? 0), day: c.day + (days ?? 0) }, t.offsetSeconds, t.zone);
  },
  Before: (t, args) => compare(t, timeArg('Before', args), '<') < 0,
  After: (t, args) => compare(t, timeArg('After', args), '>') > 0,
  Equal: (t, args) => t.epochNanos === timeArg('Equal', args).epochNanos,
  Compare: (t, args) => BigInt(compare(t, timeArg('Compare', args), '<')),
  IsZero: (t) => t.epochNanos === -62_135_596_800_000_000_000n,
  Format: (t, args) => {
    const layout = args[0];
    if (typeof layout !== 'string') return fail('Format takes a layout string');
    return formatGoTime(t, layout);
  },
  UTC: (t) => new GoTime(t.epochNanos),
  String: (t) => formatGoValue(t),
};

const DURATION_METHODS: Record<string, Method<GoDuration>> = {
  Hours: (d) => durationSeconds(d) / 3600,
  Minutes: (d) => durationSeconds(d) / 60,
  Seconds: (d) => durationSeconds(d),
  Milliseconds: (d) => d.nanos / 1_000_000n,
  Microseconds: (d) => d.nanos / 1_000n,
  Nanoseconds: (d) => d.nanos,
  Abs: (d) => new GoDuration(d.nanos < 0n ? toInt64(-d.nanos) : d.nanos),
  Truncate: (d, args) => {
    const m = durationArg('Truncate', args).nanos;
    return m <= 0n ? d : new GoDuration(d.nanos - (d.nanos % m));
  },
  Round: (d, args) => {
    const m = durationArg('Round', args).nanos;
    if (m <= 0n) return d;
    const r = d.nanos % m;
    const abs = r < 0n ? -r : r;
    // Round halfway values away from zero, as Go does.
    if (abs + abs < m) return new GoDuration(d.nanos - r);
    return new GoDuration(d.nanos < 0n ? d.nanos - r - m : d.nanos - r + m);
  },
  String: (d) => formatGoValue(d),
};

/** The method `name` of a time or duration bound to it, or undefined when the value has no such method. */
export function findMethod(target: Value, name: string): ExprFunction | undefined {
  if (target instanceof GoTime) {
    const method = TIME_METHODS[name];
    return method && Object.hasOwn(TIME_METHODS, name) ? (...args) => method(target, args) : undefined;
  }
  if (target instanceof GoDuration) {
    const method = DURATION_METHODS[name];
    return method && Object.hasOwn(DURATION_METHODS, name) ? (...args) => method(target, args) : undefined;
  }
  return undefined;
}
