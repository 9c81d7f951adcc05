/**
 * Malformed requests for every operation of argo-server's swagger: hostile path segments, query parameters of the
 * wrong type, and bodies that are not JSON, of the wrong shape, deeply nested or too large. The API fuzz test sends
 * them to a running Capstan; none may get a 5xx, hang it, crash it or change what it stores.
 */

interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'body';
  type?: string;
  format?: string;
  schema?: { $ref?: string };
}
interface SwaggerOperation {
  operationId: string;
  parameters?: SwaggerParameter[];
}
export interface Swagger {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, { type?: string; properties?: Record<string, { type?: string; $ref?: string }> }>;
}

export interface MalformedRequest {
  operationId: string;
  method: string;
  /** Path and query, already encoded. */
  path: string;
  body?: string;
  /** What is wrong with it, for the failure message. */
  fault: string;
}

/** Path segments no resource can be named: traversal, too long, not DNS-1123, control characters, templates. */
const hostileSegments = [
  '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(300), 'UPPER_case!', '%00', '%0d%0aSet-Cookie:%20x=1',
  '%7B%7Bworkflow.name%7D%7D', '%C3%B1', '-leading-dash', 'x%20y', '%25', '*',
];

/** Values a typed query parameter must refuse (or, for strings, survive). */
const hostileQueryValues: Record<string, string[]> = {
  integer: ['abc', '-1', '1.5', '99999999999999999999999', '1e309', ''],
  boolean: ['maybe', '2', 'TRUE!', ''],
  string: ['(', '!=', 'a=b,c', '%00', 'x'.repeat(5000), '{{=sprig.fail("x")}}', 'in (a,', '\\'],
  'date-time': ['yesterday', '2026-13-45T99:99:99Z', '0'],
};

/** A value of a type other than the one the schema asks for. */
function wrongTypeFor(type: string | undefined): unknown {
  switch (type) {
    case 'string': return { not: 'a string' };
    case 'integer':
    case 'number': return 'not a number';
    case 'boolean': return 'not a boolean';
    case 'array': return 'not an array';
    default: return 7;
  }
}

function bodyFaults(swagger: Swagger, schemaRef: string | undefined): { body: string; fault: string }[] {
  const faults = [
    { body: '{', fault: 'truncated JSON' },
    { body: 'not json at all', fault: 'not JSON' },
    { body: '[]', fault: 'array body' },
    { body: '"text"', fault: 'string body' },
    { body: '42', fault: 'number body' },
    { body: 'null', fault: 'null body' },
    { body: '['.repeat(100_000) + ']'.repeat(100_000), fault: 'nesting 100,000 deep' },
  ];
  const definition = schemaRef ? swagger.definitions[schemaRef.replace('#/definitions/', '')] : undefined;
  for (const [name, property] of Object.entries(definition?.properties ?? {})) {
    const type = property.$ref ? swagger.definitions[property.$ref.replace('#/definitions/', '')]?.type ?? 'object' : property.type;
    faults.push({ body: JSON.stringify({ [name]: wrongTypeFor(type) }), fault: `${name} of the wrong type` });
    faults.push({ body: JSON.stringify({ [name]: { metadata: 'not an object', spec: [] } }), fault: `${name} with a broken object` });
  }
  return faults;
}

/** A small seeded generator, so a failing case is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The path with one placeholder filled by `pick` and the others with real values: the seeded `fuzz-target`
 * resources, except for deletes, which name one that does not exist (a well-formed delete may succeed).
 */
function fill(method: string, path: string, params: SwaggerParameter[], pick: () => string, target?: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === target) return pick();
    if (name === 'namespace') return 'argo';
    if (params.find((p) => p.name === name)?.type !== 'string') return 'x';
    return method === 'delete' ? 'fuzz-absent' : 'fuzz-target';
  });
}

/** Every malformed request for every operation; `extra` more random combinations per operation on top. */
export function malformedRequests(swagger: Swagger, seed = 1, extra = 20): MalformedRequest[] {
  const next = random(seed);
  const choose = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const requests: MalformedRequest[] = [];
  for (const [path, methods] of Object.entries(swagger.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (method === 'parameters') continue;
      const params = operation.parameters ?? [];
      const base = { operationId: operation.operationId, method: method.toUpperCase() };
      const body = params.find((p) => p.in === 'body');
      const validPath = fill(method, path, params, () => 'fuzz-target');
      for (const segment of params.filter((p) => p.in === 'path')) {
        for (const value of hostileSegments) {
          requests.push({ ...base, path: fill(method, path, params, () => value, segment.name), body: body ? '{}' : undefined, fault: `${segment.name}=${value.slice(0, 40)}` });
        }
      }
      const query = params.filter((p) => p.in === 'query');
      for (const parameter of query) {
        const kind = parameter.format === 'date-time' ? 'date-time' : parameter.format === 'int64' ? 'integer' : parameter.type ?? 'string';
        for (const value of hostileQueryValues[kind] ?? hostileQueryValues.string!) {
          requests.push({ ...base, path: `${validPath}?${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`, body: body ? '{}' : undefined, fault: `${parameter.name}=${value.slice(0, 40)}` });
        }
      }
      if (body) {
        for (const { body: text, fault } of bodyFaults(swagger, body.schema?.$ref)) requests.push({ ...base, path: validPath, body: text, fault });
      }
      // One oversized body is enough to show the limit holds; one per operation would take gigabytes here.
      if (operation.operationId === 'WorkflowService_CreateWorkflow') {
        requests.push({ ...base, path: validPath, body: `{"a":"${'x'.repeat(101 * 1024 * 1024)}"}`, fault: 'body over 100 MiB' });
      }
      for (let i = 0; i < extra && query.length > 0; i++) {
        const chosen = [choose(query), choose(query), choose(query)];
        const search = chosen.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(choose(Object.values(hostileQueryValues).flat()))}`).join('&');
        requests.push({ ...base, path: `${validPath}?${search}`, body: body ? choose(['{}', '[', '{"x":1}']) : undefined, fault: `query ${search.slice(0, 80)}` });
      }
    }
  }
  return requests;
}
