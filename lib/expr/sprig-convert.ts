import { fail } from './expression-error';
import { formatGoValue } from './format-go-value';
import { parseGoFloat } from './go-encoding';
import { GoDuration, GoTime } from './go-time';
import { goTypeName, isNil, isValueMap, toInt64, truncateToInt } from './value';
import type { ExprFunction, Value, ValueMap } from './value';

// How sprig's Go functions receive arguments from expr-lang: typed parameters (string, int) must get exactly that
// type (reflect.Call panics otherwise, and nil becomes the zero value), while interface{} parameters are converted
// with spf13/cast, which quietly turns anything unparseable into 0.

/** A typed Go parameter of a sprig function. */
export type Param = 'string' | 'int' | 'bool' | 'any' | 'map' | 'time' | 'float';

/**
 * Wraps a sprig function with Go's call rules: the argument count must match (the last parameter may be variadic,
 * marked with `variadic`), typed parameters reject other types, and nil becomes the parameter's zero value.
 */
export function goFunction(name: string, params: Param[], body: (...args: never[]) => Value, variadic = false): ExprFunction {
  return (...args: Value[]): Value => {
    const fixed = variadic ? params.length - 1 : params.length;
    if (args.length < fixed || (!variadic && args.length > fixed)) {
      fail(`reflect: Call with too ${args.length < fixed ? 'few' : 'many'} input arguments (calling sprig.${name})`);
    }
    const converted = args.map((arg, i) => convertParam(name, params[Math.min(i, params.length - 1)] ?? 'any', arg));
    return (body as (...values: unknown[]) => Value)(...converted);
  };
}

function convertParam(name: string, param: Param, value: Value): unknown {
  const mismatch = (): never => fail(`reflect: Call using ${goTypeName(value)} as type ${param === 'map' ? 'map[string]interface {}' : param === 'time' ? 'time.Time' : param === 'float' ? 'float64' : param} (calling sprig.${name})`);
  switch (param) {
    case 'any': return value;
    case 'string': return isNil(value) ? '' : typeof value === 'string' ? value : mismatch();
    case 'int': return isNil(value) ? 0n : typeof value === 'bigint' ? value : mismatch();
    case 'float': return isNil(value) ? 0 : typeof value === 'number' ? value : mismatch();
    case 'bool': return isNil(value) ? false : typeof value === 'boolean' ? value : mismatch();
    case 'map': return isNil(value) ? {} : isValueMap(value) ? value : mismatch();
    case 'time': return value instanceof GoTime ? value : isNil(value) ? new GoTime(-62_135_596_800_000_000_000n) : mismatch();
  }
}

/** spf13/cast ToInt64: numbers truncate, strings parse (base prefixes, "5.00"), bools are 0/1, anything else 0. */
export function castToInt64(value: Value | undefined): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return truncateToInt(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (value instanceof GoDuration) return value.nanos;
  if (typeof value === 'string') return parseIntBase0(trimZeroDecimal(value)) ?? 0n;
  return 0n;
}

/** spf13/cast ToFloat64: numbers convert, strings parse with strconv.ParseFloat, bools are 0/1, anything else 0. */
export function castToFloat64(value: Value | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof GoDuration) return Number(value.nanos);
  if (typeof value === 'string') return parseGoFloat(value) ?? 0;
  return 0;
}

// cast strips a trailing ".000" so "5.00" parses as an int.
function trimZeroDecimal(text: string): string {
  const match = /^(.*)\.0+$/.exec(text);
  return match && match[1] !== undefined ? match[1] : text;
}

/** strconv.ParseInt(s, 0, 64): sign, then 0x/0o/0b prefixes or a leading 0 for octal; undefined if invalid. */
export function parseIntBase0(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!match) return undefined;
  let digits = (match[2] ?? '').replaceAll('_', '');
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  const value = BigInt(digits) * (match[1] === '-' ? -1n : 1n);
  return toInt64(value) === value ? value : undefined;
}

/** sprig's strval: strings as they are, anything else as fmt's `%v`. */
export function strval(value: Value | undefined): string {
  return typeof value === 'string' ? value : formatGoValue(value);
}

/** sprig's empty: nil, zero numbers, false, and empty strings, arrays and maps; times never are. */
export function isEmpty(value: Value | undefined): boolean {
  if (isNil(value)) return true;
  switch (typeof value) {
    case 'string': return value === '';
    case 'boolean': return !value;
    case 'bigint': return value === 0n;
    case 'number': return value === 0;
    case 'function': return false;
  }
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof GoTime) return false;
  if (value instanceof GoDuration) return value.nanos === 0n;
  return Object.keys(value).length === 0;
}

/** sprig's strslice: an array becomes its non-nil elements as strings; nil is empty; anything else one string. */
export function toStringList(value: Value | undefined): string[] {
  if (Array.isArray(value)) return value.filter((item) => !isNil(item)).map(strval);
  if (isNil(value)) return [];
  return [strval(value)];
}

/** Go's `%q` (strconv.Quote): a double-quoted string with Go escapes for control and non-printable characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (char === '\x07') out += '\\a';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (char === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (/^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u.test(char) || (code >= 0x80 && /^\p{Z}$/u.test(char) && code !== 0xa0 && char !== ' ')) {
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/** Deep-copies arrays and maps so that sprig's mutating functions (set, unset, merge) never alias caller data. */
export function deepCopy(value: Value): Value {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isValueMap(value)) {
    const copy: ValueMap = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: deepCopy(item), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
