import { validationShapes } from '@/lib/generated/validation-schema';
import type { Shape, ShapeTable } from './shape';

// The manifest as Go holds it after decoding: nulls and unknown fields gone, AnyString values turned into
// strings. Semantic validation reads this, so it sees what Argo's validation sees.

function resolve(table: ShapeTable, shape: Shape): Shape {
  let current = shape;
  while (typeof current === 'object' && 'ref' in current) current = table.definitions[current.ref] ?? 'any';
  return current;
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest exact decimal, never in exponent form. */
export function formatGoFloat(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const exponent = Number(text.slice(text.toLowerCase().indexOf('e') + 1));
  const mantissaDigits = text.slice(0, text.toLowerCase().indexOf('e')).replace(/[-.]/g, '').length;
  return value.toFixed(Math.min(100, mantissaDigits - exponent - 1));
}

/** Argo's AnyString decoding: numbers and booleans as text, strings as they are, anything else empty. */
export function toAnyString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoFloat(value);
  if (typeof value === 'boolean') return String(value);
  return '';
}

// What Go leaves in a list element or map value that was null.
function zeroValue(shape: Shape): unknown {
  if (shape === 'string' || shape === 'any-string') return '';
  if (shape === 'integer' || shape === 'number') return 0;
  if (shape === 'boolean') return false;
  if (typeof shape === 'object' && 'props' in shape) return {};
  return null;
}

function decodeValue(table: ShapeTable, shape: Shape, value: unknown): unknown {
  const resolved = resolve(table, shape);
  if (resolved === 'any-string') return toAnyString(value);
  if (typeof resolved === 'string' || value === null || typeof value !== 'object') return value;
  const element = (item: unknown, itemShape: Shape) => (item === null ? zeroValue(resolve(table, itemShape)) : decodeValue(table, itemShape, item));
  if ('array' in resolved) return Array.isArray(value) ? value.map((item) => element(item, resolved.array)) : value;
  if (Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if ('map' in resolved) return Object.fromEntries(entries.map(([key, item]) => [key, element(item, resolved.map)]));
  if (!('props' in resolved)) return value;
  const decoded: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const property = resolved.props[key];
    if (property !== undefined && item !== null && item !== undefined) decoded[key] = decodeValue(table, property, item);
  }
  // Go reads a missing string as "", so a required name or path that is absent reads as empty, not undefined.
  for (const key of resolved.required ?? []) {
    const property = resolved.props[key];
    if (decoded[key] === undefined && property !== undefined && resolve(table, property) === 'string') decoded[key] = '';
  }
  return decoded;
}

/**
 * Decodes a structurally valid manifest of the given kind the way Go would, for semantic validation. Call
 * only after checkStructure found no type errors.
 */
export function decodeManifest<T>(manifest: unknown, kind: string, table: ShapeTable = validationShapes): T {
  const root = table.roots[kind];
  if (root === undefined) throw new Error(`no validation schema for kind ${kind}`);
  return decodeValue(table, { ref: root }, manifest) as T;
}
