import { ApiError, GrpcCode } from '../api-error';
import type { ApiOperation } from './api-index';

/**
 * Checks a request against the API contract before any handler runs, as argo-server's grpc-gateway does: a path
 * the contract knows but not with this method is 405, a typed query parameter that does not parse is 400, and
 * a path with control characters (which no Kubernetes name or uid can hold) is 400. One check for every route,
 * so no handler can forget it.
 */
export interface RequestChecker {
  check(method: string, pathname: string, search: URLSearchParams): RequestRefusal | undefined;
  /** A parsed JSON body whose top-level fields have the wrong JSON type for the operation, as grpc-gateway's decoder refuses it. */
  checkBody(method: string, pathname: string, body: unknown): ApiError | undefined;
}

/** Why a request is refused: Argo's error body and the HTTP status to send it with. */
export interface RequestRefusal {
  status: number;
  body: { code: number; message: string };
}

const refusal = (error: ApiError): RequestRefusal => ({ status: error.httpStatus, body: error.toBody() });

interface Route {
  pattern: RegExp;
  /** Fewer placeholders first: `/workflows/{ns}/lint` before `/workflows/{ns}/{name}`. */
  placeholders: number;
  methods: Map<string, ApiOperation>;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const controlCharacters = /[\u0000-\u001f\u007f]/;
const integer = /^[+-]?\d+$/;
const int64Max = 9223372036854775807n;
// strconv.ParseBool's spellings, which grpc-gateway accepts.
const booleans = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

function routeOf(path: string): { pattern: RegExp; placeholders: number } {
  const parts = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`^${parts.join('[^/]+')}$`), placeholders: parts.length - 1 };
}

function parseError(name: string, value: string, type: string, reason = 'invalid syntax'): ApiError {
  const parser = type === 'boolean' ? 'strconv.ParseBool' : 'strconv.ParseInt';
  return new ApiError(GrpcCode.InvalidArgument, `parsing field "${name}": ${parser}: parsing ${JSON.stringify(value)}: ${reason}`);
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function fitsType(value: unknown, expected: string): boolean {
  const actual = jsonType(value);
  switch (expected) {
    case 'int64': return actual === 'integer' || (typeof value === 'string' && integer.test(value));
    case 'number': return actual === 'integer' || actual === 'number';
    case 'object': return actual === 'object';
    default: return actual === expected;
  }
}

function checkQueryValue(name: string, value: string, type: string, format: string | undefined): ApiError | undefined {
  if (type === 'boolean') return booleans.has(value) ? undefined : parseError(name, value, 'boolean');
  if (type === 'integer' || format === 'int64' || format === 'int32') {
    if (!integer.test(value)) return parseError(name, value, 'integer');
    const limit = format === 'int32' ? 2147483647n : int64Max;
    const number = BigInt(value);
    if (number > limit || number < -limit - 1n) return parseError(name, value, 'integer', 'value out of range');
  }
  return undefined;
}

/** An unknown method: grpc-gateway's Unimplemented code, but HTTP's own status for it rather than a 5xx. */
const methodNotAllowed: RequestRefusal = { status: 405, body: new ApiError(GrpcCode.Unimplemented, 'Method Not Allowed').toBody() };

export function requestChecker(operations: ApiOperation[]): RequestChecker {
  const routes = new Map<string, Route>();
  for (const operation of operations) {
    const route = routes.get(operation.path) ?? { ...routeOf(operation.path), methods: new Map() };
    route.methods.set(operation.method, operation);
    routes.set(operation.path, route);
  }
  const ordered = [...routes.values()].sort((a, b) => a.placeholders - b.placeholders);
  const operationFor = (method: string, pathname: string) =>
    ordered.filter((route) => route.pattern.test(pathname)).map((route) => route.methods.get(method.toUpperCase())).find(Boolean);
  return {
    checkBody(method, pathname, body) {
      const fields = operationFor(method, pathname)?.bodyFields;
      if (!fields || typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
      for (const [name, value] of Object.entries(body)) {
        const expected = fields[name];
        if (expected && value !== null && !fitsType(value, expected)) {
          return new ApiError(GrpcCode.InvalidArgument, `invalid body: field "${name}" is ${jsonType(value)}, not ${expected === 'int64' ? 'integer' : expected}`);
        }
      }
      return undefined;
    },
    check(method, pathname, search) {
      if (!pathname.startsWith('/api/')) return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return refusal(new ApiError(GrpcCode.InvalidArgument, `invalid path ${JSON.stringify(pathname)}: bad percent-encoding`));
      }
      if (controlCharacters.test(decoded)) {
        return refusal(new ApiError(GrpcCode.InvalidArgument, `invalid path ${JSON.stringify(decoded)}: control characters are not allowed`));
      }
      if (!ordered.some((route) => route.pattern.test(pathname))) return undefined;
      const operation = operationFor(method, pathname);
      if (!operation) return methodNotAllowed;
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'query') continue;
        for (const value of search.getAll(parameter.name)) {
          const error = checkQueryValue(parameter.name, value, parameter.type, parameter.format);
          if (error) return refusal(error);
        }
      }
      return undefined;
    },
  };
}
