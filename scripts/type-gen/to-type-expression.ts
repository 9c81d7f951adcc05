import type { JsonSchema } from './json-schema';

/** Turns a `$ref` (`#/definitions/<name>`) into the TypeScript name of its target. */
export type RefResolver = (ref: string) => string;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders a literal in the single quotes the rest of the codebase uses. */
export function toLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`cannot render ${JSON.stringify(value)} as a TypeScript literal type`);
}

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function toPropertyKey(name: string): string {
  return identifier.test(name) ? name : toLiteral(name);
}

/** True when `expression` has a `|` or `&` outside brackets and quotes, so an operator applied to it needs parentheses. */
function isCompound(expression: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === "'") quoted = false;
    } else if (char === "'") quoted = true;
    else if (char === '{' || char === '(' || char === '[' || char === '<') depth++;
    else if (char === '}' || char === ')' || char === ']' || char === '>') depth--;
    else if (depth === 0 && (char === '|' || char === '&')) return true;
  }
  return false;
}

function parenthesize(expression: string): string {
  return isCompound(expression) ? `(${expression})` : expression;
}

function joinUnion(members: string[]): string {
  return [...new Set(members)].join(' | ');
}

function isIntOrString(schema: JsonSchema): boolean {
  return schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string';
}

/** An inline object (one without a definition of its own), on one line. */
function toInlineObject(schema: JsonSchema, resolve: RefResolver): string {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([key, property]) => `${toPropertyKey(key)}${required.has(key) ? '' : '?'}: ${toTypeExpression(property, resolve)};`,
  );
  const shape = members.length === 0 ? undefined : `{ ${members.join(' ')} }`;
  const extra = toAdditionalProperties(schema, resolve);
  if (shape === undefined) return extra ?? 'Record<string, unknown>';
  return extra === undefined ? shape : `${shape} & ${extra}`;
}

/** `additionalProperties` as a `Record`, or undefined when the object is closed or says nothing. */
export function toAdditionalProperties(schema: JsonSchema, resolve: RefResolver): string | undefined {
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false) return undefined;
  if (extra === true) return 'Record<string, unknown>';
  return `Record<string, ${toTypeExpression(extra, resolve)}>`;
}

function toTypeForName(type: string, schema: JsonSchema, resolve: RefResolver): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${parenthesize(schema.items === undefined ? 'unknown' : toTypeExpression(schema.items, resolve))}[]`;
    case 'object':
      return toInlineObject(schema, resolve);
    default:
      return 'unknown';
  }
}

/** Maps a schema to a TypeScript type expression; what the schema leaves open becomes `unknown`, never `any`. */
export function toTypeExpression(schema: JsonSchema, resolve: RefResolver): string {
  if (schema.$ref !== undefined) return resolve(schema.$ref);
  if (isIntOrString(schema)) return 'number | string';
  if (schema.const !== undefined) return toLiteral(schema.const);
  if (schema.enum !== undefined) return joinUnion(schema.enum.map(toLiteral));
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants !== undefined) return joinUnion(variants.map((s) => toTypeExpression(s, resolve)));
  if (schema.allOf !== undefined) return schema.allOf.map((s) => parenthesize(toTypeExpression(s, resolve))).join(' & ');
  if (Array.isArray(schema.type)) return joinUnion(schema.type.map((t) => toTypeForName(t, schema, resolve)));
  if (schema.type !== undefined) return toTypeForName(schema.type, schema, resolve);
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) {
    return toInlineObject(schema, resolve);
  }
  return 'unknown';
}
