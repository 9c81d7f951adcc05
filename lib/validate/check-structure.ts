import { validationShapes } from '@/lib/generated/validation-schema';
import { checkScalar, describeWithArticle } from './check-scalar';
import { toFieldPath, toIndexPath } from './json-path';
import type { Shape, ShapeTable } from './shape';
import type { ValidationIssue } from './types';

/** Structural findings; `decodes` is false when Go could not have decoded the manifest at all (a type error). */
export interface StructureReport {
  errors: ValidationIssue[];
  decodes: boolean;
}

export interface StructureOptions {
  /** Also report missing schema-required fields (Go's decoder does not, so `argo lint` does not either). */
  requireFields?: boolean;
  table?: ShapeTable;
}

interface Walk {
  table: ShapeTable;
  requireFields: boolean;
  report: StructureReport;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeError(walk: Walk, path: string, message: string): void {
  walk.report.errors.push({ path, message });
  walk.report.decodes = false;
}

function resolve(walk: Walk, shape: Shape): Shape {
  let current = shape;
  // Refs may chain (a definition that is itself a ref); the table is generated, so a missing name is a bug.
  while (typeof current === 'object' && 'ref' in current) {
    const next = walk.table.definitions[current.ref];
    if (next === undefined) throw new Error(`validation schema has no definition ${current.ref}`);
    current = next;
  }
  return current;
}

// `strict` mirrors sigs.k8s.io/json's strict decoding: unknown keys are errors. Below a step of a steps template
// Argo decodes with plain encoding/json, which ignores them, so `strict` is off there.
function walkValue(walk: Walk, shape: Shape, value: unknown, path: string, strict: boolean): void {
  const resolved = resolve(walk, shape);
  if (typeof resolved === 'string') {
    const problem = checkScalar(resolved, value);
    if (problem !== undefined) typeError(walk, path, problem);
    return;
  }
  if (value === null || value === undefined) return;
  if ('array' in resolved) {
    if (!Array.isArray(value)) return typeError(walk, path, `must be a list, not ${describeWithArticle(value)}`);
    value.forEach((item, index) => {
      const itemPath = toIndexPath(path, index);
      // ParallelSteps' own decoder checks a step's keys even inside a non-strict region.
      if (resolved.shallow === true) walkObjectKeys(walk, resolved.array, item, itemPath, true, false);
      else walkValue(walk, resolved.array, item, itemPath, strict);
    });
    return;
  }
  if (!isObject(value)) return typeError(walk, path, `must be an object, not ${describeWithArticle(value)}`);
  if ('map' in resolved) {
    for (const [key, item] of Object.entries(value)) walkValue(walk, resolved.map, item, toFieldPath(path, key), strict);
    return;
  }
  walkObjectKeys(walk, resolved, value, path, strict, strict);
}

// Checks an object's own keys with `strictKeys` and its children with `strictChildren`.
function walkObjectKeys(walk: Walk, shape: Shape, value: unknown, path: string, strictKeys: boolean, strictChildren: boolean): void {
  const resolved = resolve(walk, shape);
  if (typeof resolved !== 'object' || !('props' in resolved)) return walkValue(walk, resolved, value, path, strictChildren);
  if (value === null || value === undefined) return;
  if (!isObject(value)) return typeError(walk, path, `must be an object, not ${describeWithArticle(value)}`);
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue; // a JavaScript caller's way of leaving a field out
    const property = resolved.props[key];
    const itemPath = toFieldPath(path, key);
    if (property !== undefined) walkValue(walk, property, item, itemPath, strictChildren);
    else if (strictKeys) walk.report.errors.push({ path: itemPath, message: `unknown field "${key}"` });
  }
  if (walk.requireFields) {
    for (const key of resolved.required ?? []) {
      if (value[key] === undefined || value[key] === null) walk.report.errors.push({ path: toFieldPath(path, key), message: 'is required' });
    }
  }
}

/**
 * Checks a manifest of the given kind the way `argo lint` decodes it (strict JSON decoding into Argo's Go
 * types): unknown fields and wrong JSON types, each with its path. Throws on a kind it does not know.
 */
export function checkStructure(manifest: unknown, kind: string, options: StructureOptions = {}): StructureReport {
  const table = options.table ?? validationShapes;
  const root = table.roots[kind];
  if (root === undefined) throw new Error(`no validation schema for kind ${kind}`);
  const walk: Walk = { table, requireFields: options.requireFields === true, report: { errors: [], decodes: true } };
  if (!isObject(manifest)) typeError(walk, '', `a ${kind} must be an object, not ${describeWithArticle(manifest)}`);
  else walkValue(walk, { ref: root }, manifest, '', true);
  return walk.report;
}
