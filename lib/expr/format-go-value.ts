import { formatGoDuration, GoDuration, GoTime } from './go-time';
import { formatGoTime } from './go-time-layout';
import { isNil } from './value';
import type { Value } from './value';

/** Formats a float as Go's strconv.FormatFloat(f, 'g', -1, 64), which is what `%v` prints: 1e+06, 123456, 1.5. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // toExponential() with no argument gives the shortest digits that round-trip, like Go's shortest formatting.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  // Go switches to exponent form below 1e-4 and, for shortest formatting, from 1e+06 on (precision 6).
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** Formats a value as Go's fmt `%v` does: `[1 2 a]`, `map[a:1 b:<nil>]`, `<nil>`, `1e+06`. */
export function formatGoValue(value: Value | undefined): string {
  if (isNil(value)) return '<nil>';
  switch (typeof value) {
    case 'string': return value;
    case 'boolean': return String(value);
    case 'bigint': return value.toString();
    case 'number': return formatGoFloat(value);
    case 'function': return 'func';
  }
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  if (value instanceof GoTime) return formatGoTime(value, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (value instanceof GoDuration) return formatGoDuration(value);
  // fmt prints map keys sorted, which also makes the output deterministic.
  const keys = Object.keys(value).sort();
  return `map[${keys.map((key) => `${key}:${formatGoValue(value[key])}`).join(' ')}]`;
}
