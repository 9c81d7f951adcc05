import type { Definition, JsonSchema } from './json-schema';
import { toDocComment } from './to-doc-comment';
import type { RefResolver } from './to-type-expression';
import { toAdditionalProperties, toPropertyKey, toTypeExpression } from './to-type-expression';

/**
 * Kubernetes types whose Go value marshals to a scalar with custom JSON code, so their schema says less
 * than the wire does: IntOrString is declared `type: string` but arrives as a number just as often.
 */
export const specialTypes: ReadonlyMap<string, string> = new Map([
  ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'number | string'],
  ['io.k8s.apimachinery.pkg.api.resource.Quantity', 'string'],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'string'],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'string'],
]);

function describe(schema: JsonSchema): string | undefined {
  return schema.description ?? schema.title;
}

/** `{ ... }` with one documented member per line; required properties lose their `?`. */
function toObjectBody(schema: JsonSchema, resolve: RefResolver): string {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const optional = required.has(key) ? '' : '?';
    const doc = toDocComment(describe(property), '  ');
    return `${doc}  ${toPropertyKey(key)}${optional}: ${toTypeExpression(property, resolve)};\n`;
  });
  return `{\n${members.join('')}}`;
}

/** True for a plain object with named properties: the shape an `interface` states best. */
function hasOwnProperties(schema: JsonSchema): boolean {
  const isObject = schema.type === 'object' || schema.type === undefined;
  const combined = schema.oneOf ?? schema.anyOf ?? schema.allOf ?? schema.enum ?? schema.const ?? schema.$ref;
  return isObject && combined === undefined && Object.keys(schema.properties ?? {}).length > 0;
}

/** Renders one definition as one exported `interface` (objects with properties) or `type` (everything else). */
export function toDeclaration(definition: Definition, typeName: string, resolve: RefResolver): string {
  const { name, schema } = definition;
  const doc = toDocComment(describe(schema));
  const special = specialTypes.get(name);
  if (special !== undefined) return `${doc}export type ${typeName} = ${special};\n`;
  if (!hasOwnProperties(schema)) return `${doc}export type ${typeName} = ${toTypeExpression(schema, resolve)};\n`;
  const body = toObjectBody(schema, resolve);
  const extra = toAdditionalProperties(schema, resolve);
  if (extra !== undefined) return `${doc}export type ${typeName} = ${body} & ${extra};\n`;
  return `${doc}export interface ${typeName} ${body}\n`;
}
