/**
 * The shape of a decoded value, as Go's encoding/json sees Argo's types when `argo lint` decodes a manifest
 * strictly. It is compiled from schema.json (see compile-shapes.ts) with Go's custom decoders patched in where
 * the schema says less or more than the decoder does (IntOrString, Quantity, AnyString, Item, Plugin...).
 *
 * Scalars:
 * - `string`, `boolean`, `integer`, `number`: the JSON type Go requires.
 * - `any`: anything (Go decodes it into a raw message or a permissive custom type).
 * - `any-string`: Argo's AnyString: any JSON, read as a string (numbers and booleans formatted, others empty).
 * - `int-or-string`: Kubernetes IntOrString, a string or a 32-bit integer.
 * - `quantity`: a Kubernetes resource quantity, as a string or a number.
 * - `time`: an RFC 3339 timestamp string.
 * - `bytes`: a base64 string (Go's []byte).
 * - `plugin`: an object with exactly one key (Argo's Plugin decoder).
 */
export type ScalarShape =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'any'
  | 'any-string'
  | 'int-or-string'
  | 'quantity'
  | 'time'
  | 'bytes'
  | 'plugin';

/** A named definition, looked up in the table (definitions can be recursive, e.g. Template.steps[].inline). */
export interface RefShape {
  ref: string;
}

/**
 * A list. `shallow` marks Argo's ParallelSteps, whose hand-written decoder rejects unknown keys on each step
 * but decodes everything below a step with plain, non-strict encoding/json.
 */
export interface ArrayShape {
  array: Shape;
  shallow?: true;
}

/** A map from string keys to values of one shape (labels, resources...). */
export interface MapShape {
  map: Shape;
}

/** A struct: known properties only; `required` is kept for the opt-in required-field check. */
export interface ObjectShape {
  props: Readonly<Record<string, Shape>>;
  required?: readonly string[];
}

export type Shape = ScalarShape | RefShape | ArrayShape | MapShape | ObjectShape;

/** Every definition reachable from the roots, by short name, plus the root definition of each kind. */
export interface ShapeTable {
  roots: Readonly<Record<string, string>>;
  definitions: Readonly<Record<string, Shape>>;
}
