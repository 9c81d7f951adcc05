import { fail } from './expression-error';
import { goTypeName, isNil, toValue } from './value';
import type { Value } from './value';
import { GoDuration, GoTime } from './go-time';
import { formatGoTime } from './go-time-layout';

/** How to marshal: Go's json.Marshal escapes <, > and & unless told not to; MarshalIndent adds an indent. */
export interface GoJsonOptions {
  escapeHtml?: boolean;
  indent?: string;
}

/** Encodes a value exactly as Go's encoding/json would (sorted map keys, Go float and string rules). */
export function toGoJson(value: Value, options: GoJsonOptions = {}): string {
  return encode(value, options.escapeHtml ?? true, options.indent ?? '', '');
}

function encode(value: Value | undefined, escapeHtml: boolean, indent: string, depth: string): string {
  if (isNil(value)) return 'null';
  switch (typeof value) {
    case 'boolean': return String(value);
    case 'bigint': return value.toString();
    case 'number': return encodeFloat(value);
    case 'string': return encodeString(value, escapeHtml);
    case 'function': return fail(`json: unsupported type: ${goTypeName(value)}`);
  }
  if (value instanceof GoTime) return `"${formatGoTime(value, '2006-01-02T15:04:05.999999999Z07:00')}"`;
  if (value instanceof GoDuration) return value.nanos.toString();
  const inner = depth + indent;
  const open = indent === '' ? '' : `\n${inner}`;
  const separator = indent === '' ? ',' : `,\n${inner}`;
  const close = indent === '' ? '' : `\n${depth}`;
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((item) => encode(item, escapeHtml, indent, inner)).join(separator)}${close}]`;
  }
  const keys = Object.keys(value).sort(compareUtf8);
  if (keys.length === 0) return '{}';
  const members = keys.map((key) => `${encodeString(key, escapeHtml)}${colon}${encode(value[key], escapeHtml, indent, inner)}`);
  return `{${open}${members.join(separator)}${close}}`;
}

function encodeFloat(value: number): string {
  if (!Number.isFinite(value)) return fail(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
  if (Object.is(value, -0)) return '-0';
  // JavaScript and Go agree here: fixed notation from 1e-6 up to 1e21, shortest digits, "1e-7" and "1e+21" beyond.
  return String(value);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

function encodeString(text: string, escapeHtml: boolean): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || (escapeHtml && (char === '<' || char === '>' || char === '&'))) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate is invalid UTF-8 to Go, which writes the replacement character
    } else out += char;
  }
  return `${out}"`;
}

// Go compares map keys as UTF-8 bytes; comparing code points gives the same order (unlike UTF-16 code units).
function compareUtf8(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** Decodes JSON as Go's json.Unmarshal into `any` does: every number becomes a float64. */
export function fromGoJson(text: string): Value {
  try {
    return toValue(JSON.parse(text));
  } catch (error) {
    return fail(error instanceof Error ? error.message : 'invalid JSON');
  }
}
