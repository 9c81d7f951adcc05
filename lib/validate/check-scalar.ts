import type { ScalarShape } from './shape';

// Go's encoding/json and Kubernetes' custom decoders, for the scalar shapes: each check returns why a value
// would not decode, or undefined. null always decodes (Go leaves the field unset).

/** The JSON type of a value, in the words of Go's "cannot unmarshal X" errors. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

// k8s.io/apimachinery's ParseQuantity: a signed decimal, then a binary-SI, decimal-SI or exponent suffix.
const quantity = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const int32Min = -2147483648;
const int32Max = 2147483647;

/** Whether a string is a Kubernetes resource quantity such as `500m`, `1.5` or `2Gi`. */
export function isQuantity(text: string): boolean {
  return quantity.test(text.trim());
}

/** The JSON type of a value with its article: `an array`, `a string`. */
export function describeWithArticle(value: unknown): string {
  const type = describeJsonType(value);
  return `${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`;
}

function expect(type: string, value: unknown): string {
  return `must be ${type}, not ${describeWithArticle(value)}`;
}

function checkIntOrString(value: unknown): string | undefined {
  if (typeof value === 'string') return undefined;
  if (typeof value !== 'number') return expect('an integer or a string', value);
  if (!Number.isInteger(value)) return `must be an integer or a string, not ${value}`;
  return value < int32Min || value > int32Max ? `${value} is out of range for a 32-bit integer` : undefined;
}

function checkQuantity(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return expect('a quantity (string or number)', value);
  return isQuantity(String(value)) ? undefined : `${JSON.stringify(value)} is not a valid quantity (e.g. 500m, 1.5, 2Gi)`;
}

function checkPlugin(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return expect('an object', value);
  const count = Object.keys(value).length;
  return count === 1 ? undefined : `a plugin template must have exactly one key (the plugin's name), got ${count}`;
}

/** Why a value does not decode as the given scalar shape, or undefined when it does. */
export function checkScalar(shape: ScalarShape, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (shape) {
    case 'any':
    case 'any-string':
      return undefined;
    case 'string':
      return typeof value === 'string' ? undefined : expect('a string', value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : expect('a boolean', value);
    case 'number':
      return typeof value === 'number' ? undefined : expect('a number', value);
    case 'integer':
      if (typeof value !== 'number') return expect('an integer', value);
      return Number.isInteger(value) ? undefined : `must be an integer, not ${value}`;
    case 'int-or-string':
      return checkIntOrString(value);
    case 'quantity':
      return checkQuantity(value);
    case 'time':
      if (typeof value !== 'string') return expect('an RFC 3339 timestamp string', value);
      return rfc3339.test(value) ? undefined : `${JSON.stringify(value)} is not an RFC 3339 timestamp`;
    case 'bytes':
      if (typeof value !== 'string') return expect('a base64 string', value);
      return base64.test(value.replace(/[\r\n]/g, '')) ? undefined : 'must be base64-encoded';
    case 'plugin':
      return checkPlugin(value);
  }
}
