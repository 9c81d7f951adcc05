import { fail } from './expression-error';

// Go's time.Time and time.Duration, as far as Argo's expressions reach them: `now()`, `duration("1h")`, subtracting
// two times, `.Seconds()`, comparison. Nanoseconds are bigints so that Sub and Add are exact, as in Go.

const NANOS_PER_MILLI = 1_000_000n;
const NANOS_PER_SECOND = 1_000_000_000n;

/** A Go time.Time: an instant plus the fixed zone offset it is shown in (zone "UTC" or a numeric offset). */
export class GoTime {
  constructor(
    readonly epochNanos: bigint,
    readonly offsetSeconds = 0,
    readonly zone = offsetSeconds === 0 ? 'UTC' : '',
  ) {}
}

/** A Go time.Duration in nanoseconds. */
export class GoDuration {
  constructor(readonly nanos: bigint) {}
}

/** Converts a JavaScript Date (the caller's clock) into a GoTime in UTC. */
export function toGoTime(date: Date): GoTime {
  return new GoTime(BigInt(date.getTime()) * NANOS_PER_MILLI);
}

/** The calendar fields of a time as seen in its own zone offset. */
export interface CivilTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 1-366
}

/** Splits a GoTime into the calendar fields of its zone. */
export function toCivilTime(time: GoTime): CivilTime {
  const localNanos = time.epochNanos + BigInt(time.offsetSeconds) * NANOS_PER_SECOND;
  const seconds = floorDiv(localNanos, NANOS_PER_SECOND);
  const nanosecond = Number(localNanos - seconds * NANOS_PER_SECOND);
  const date = new Date(Number(seconds) * 1000);
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nanosecond,
    weekday: date.getUTCDay(),
    yearDay: Math.floor((date.getTime() - startOfYear) / 86_400_000) + 1,
  };
}

/** Builds a GoTime from calendar fields read in the given zone offset. */
export function fromCivilTime(fields: Omit<CivilTime, 'weekday' | 'yearDay'>, offsetSeconds: number, zone?: string): GoTime {
  const utc = new Date(0);
  utc.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  utc.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  const seconds = BigInt(Math.floor(utc.getTime() / 1000)) - BigInt(offsetSeconds);
  return new GoTime(seconds * NANOS_PER_SECOND + BigInt(fields.nanosecond), offsetSeconds, zone);
}

/** Whole seconds since the Unix epoch, rounded down as Go's Unix() does. */
export function unixSeconds(time: GoTime): bigint {
  return floorDiv(time.epochNanos, NANOS_PER_SECOND);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: NANOS_PER_MILLI,
  s: NANOS_PER_SECOND,
  m: 60n * NANOS_PER_SECOND,
  h: 3600n * NANOS_PER_SECOND,
};

/** Parses a duration the way Go's time.ParseDuration does: "1h30m", "1.5s", "-300ms". */
export function parseGoDuration(text: string): GoDuration {
  const invalid = (): never => fail(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return new GoDuration(0n);
  if (rest === '') invalid();
  let total = 0n;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && fraction === '') invalid();
    rest = rest.slice(number?.[0].length ?? 0);
    const unitMatch = /^[^\d.]+/.exec(rest);
    if (!unitMatch) fail(`time: missing unit in duration ${JSON.stringify(text)}`);
    const unitName = unitMatch[0];
    const unit = DURATION_UNITS[unitName];
    if (unit === undefined) fail(`time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(text)}`);
    rest = rest.slice(unitName.length);
    // Go keeps the fraction exact by scaling it by the unit, truncating beyond nanoseconds.
    const scale = 10n ** BigInt(fraction.length);
    total += BigInt(whole || '0') * unit + (BigInt(fraction || '0') * unit) / scale;
  }
  if (total > 9_223_372_036_854_775_807n) invalid();
  return new GoDuration(negative ? -total : total);
}

/** Formats a duration as Go's Duration.String does: "1h2m3.5s", "1.5ms", "0s". */
export function formatGoDuration(duration: GoDuration): string {
  const negative = duration.nanos < 0n;
  const nanos = negative ? -duration.nanos : duration.nanos;
  const sign = negative ? '-' : '';
  if (nanos === 0n) return '0s';
  if (nanos < NANOS_PER_SECOND) {
    // Sub-second durations use the largest unit that keeps a leading digit: ns, µs or ms.
    if (nanos < 1_000n) return `${sign}${nanos}ns`;
    if (nanos < NANOS_PER_MILLI) return `${sign}${formatFraction(nanos, 1_000n)}µs`;
    return `${sign}${formatFraction(nanos, NANOS_PER_MILLI)}ms`;
  }
  const hours = nanos / (3600n * NANOS_PER_SECOND);
  const minutes = (nanos / (60n * NANOS_PER_SECOND)) % 60n;
  const seconds = formatFraction(nanos % (60n * NANOS_PER_SECOND), NANOS_PER_SECOND);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

function formatFraction(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const rest = value % unit;
  if (rest === 0n) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** A duration in seconds as a float, as Go's Duration.Seconds does. */
export function durationSeconds(duration: GoDuration): number {
  const whole = duration.nanos / NANOS_PER_SECOND;
  const rest = duration.nanos % NANOS_PER_SECOND;
  return Number(whole) + Number(rest) / 1e9;
}
