import type { ScalarShape, Shape, ShapeTable } from './shape';

// Build-time half of structural validation: turns schema.json into the compact table that check-structure.ts
// walks. Pure, so scripts/generate-validation-schema.ts only reads and writes files around it.

/** The subset of a JSON Schema node that schema.json's definitions use. */
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

const argo = 'io.argoproj.workflow.v1alpha1.';

/** The kinds `argo lint` decodes, each with its root definition. */
export const rootKinds: Readonly<Record<string, string>> = {
  Workflow: `${argo}Workflow`,
  WorkflowTemplate: `${argo}WorkflowTemplate`,
  ClusterWorkflowTemplate: `${argo}ClusterWorkflowTemplate`,
  CronWorkflow: `${argo}CronWorkflow`,
};

/**
 * Definitions whose Go decoder differs from what schema.json says. schema.json describes the CRD's OpenAPI view,
 * but `argo lint` decodes with Go's encoding/json and these types bring their own UnmarshalJSON.
 */
const decoderOverrides: Readonly<Record<string, Shape>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string', // schema says string; Go takes ints too
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity', // schema says string; Go takes numbers too
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any', // raw JSON
  [`${argo}Item`]: 'any', // json.RawMessage
  [`${argo}Amount`]: 'any', // json.Number taken verbatim, never checked
  [`${argo}Plugin`]: 'plugin', // exactly one key
};

/** Fields typed `AnyString` in Go (any JSON scalar, stringified); schema.json calls them plain strings. */
const anyStringFields: Readonly<Record<string, readonly string[]>> = {
  [`${argo}Parameter`]: ['value', 'default', 'description', 'enum[]'],
  [`${argo}ValueFrom`]: ['default'],
};

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function collectRefs(node: unknown, into: string[]): void {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, into);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.push(refName(value));
      else collectRefs(value, into);
    }
  }
}

/** Full names of every definition reachable from the roots, sorted. */
function collectReachable(definitions: Record<string, SchemaNode>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    const node = definitions[name];
    if (node === undefined) throw new Error(`schema.json has no definition ${name}`);
    seen.add(name);
    if (decoderOverrides[name] !== undefined) continue;
    const refs: string[] = [];
    collectRefs(node, refs);
    pending.push(...refs);
  }
  return [...seen].sort();
}

/** Short names: the last dotted segment, or the last two where two packages share a type name. */
function toShortNames(names: readonly string[]): Map<string, string> {
  const count = new Map<string, number>();
  const last = (name: string) => name.slice(name.lastIndexOf('.') + 1);
  for (const name of names) count.set(last(name), (count.get(last(name)) ?? 0) + 1);
  return new Map(names.map((name) => [name, count.get(last(name)) === 1 ? last(name) : name.split('.').slice(-2).join('.')]));
}

function toScalar(node: SchemaNode): ScalarShape | undefined {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'string') return node.format === 'byte' ? 'bytes' : node.format === 'date-time' ? 'time' : 'string';
  if (type === 'boolean' || type === 'integer' || type === 'number') return type;
  return type === undefined && node.properties === undefined && node.items === undefined ? 'any' : undefined;
}

function toShape(node: SchemaNode, shortNames: ReadonlyMap<string, string>): Shape {
  if (node.$ref !== undefined) {
    const full = refName(node.$ref);
    return decoderOverrides[full] ?? { ref: shortNames.get(full) ?? full };
  }
  const scalar = toScalar(node);
  if (scalar !== undefined) return scalar;
  if (node.items !== undefined) return { array: toShape(node.items, shortNames) };
  if (typeof node.additionalProperties === 'object') return { map: toShape(node.additionalProperties, shortNames) };
  if (node.additionalProperties === true) return { map: 'any' };
  const props: Record<string, Shape> = {};
  for (const [key, value] of Object.entries(node.properties ?? {})) props[key] = toShape(value, shortNames);
  // An object without properties is an empty Go struct (NoneStrategy, SuppliedValueFrom...): every key is unknown.
  return node.required !== undefined && node.required.length > 0 ? { props, required: [...node.required] } : { props };
}

function applyAnyString(shape: Shape, fields: readonly string[]): Shape {
  if (typeof shape !== 'object' || !('props' in shape)) return shape;
  const props = { ...shape.props };
  for (const field of fields) {
    const name = field.replace(/\[\]$/, '');
    if (props[name] === undefined) continue;
    props[name] = field.endsWith('[]') ? { array: 'any-string' } : 'any-string';
  }
  return { ...shape, props };
}

/** Compiles schema.json (parsed) into the table check-structure.ts walks. Throws on a malformed schema. */
export function compileShapes(schema: unknown): ShapeTable {
  const definitions = (schema as { definitions?: Record<string, SchemaNode> } | null)?.definitions;
  if (typeof definitions !== 'object' || definitions === null) throw new Error('schema.json has no "definitions" object');
  const reachable = collectReachable(definitions, Object.values(rootKinds));
  const shortNames = toShortNames(reachable);
  const table: Record<string, Shape> = {};
  for (const name of reachable) {
    if (decoderOverrides[name] !== undefined) continue;
    let shape = toShape(definitions[name] as SchemaNode, shortNames);
    if (name === `${argo}ParallelSteps` && typeof shape === 'object' && 'array' in shape) shape = { ...shape, shallow: true };
    const anyString = anyStringFields[name];
    table[shortNames.get(name) as string] = anyString === undefined ? shape : applyAnyString(shape, anyString);
  }
  const roots: Record<string, string> = {};
  for (const [kind, name] of Object.entries(rootKinds)) roots[kind] = shortNames.get(name) as string;
  return { roots, definitions: table };
}

/** The header that marks the generated module; distinct from generate-types.ts's so neither prunes the other. */
export const validationSchemaHeader =
  "// Code generated by scripts/generate-validation-schema.ts from Argo v4.1.2's schema.json. DO NOT EDIT.";

/** Renders the table as a TypeScript module, one definition per line so regenerations diff readably. */
export function renderShapeModule(table: ShapeTable): string {
  const lines = Object.keys(table.definitions)
    .sort()
    .map((name) => `    ${JSON.stringify(name)}: ${JSON.stringify(table.definitions[name])},`);
  return [
    validationSchemaHeader,
    '// The shapes `argo lint` decodes, for lib/validate/check-structure.ts. Regenerate: npx tsx scripts/generate-validation-schema.ts',
    '',
    "import type { ShapeTable } from '@/lib/validate/shape';",
    '',
    'export const validationShapes: ShapeTable = {',
    `  roots: ${JSON.stringify(table.roots)},`,
    '  definitions: {',
    ...lines,
    '  },',
    '};',
    '',
  ].join('\n');
}
