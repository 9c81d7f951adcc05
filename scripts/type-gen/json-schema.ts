/**
 * The subset of JSON Schema (draft 2020-12, as in schema.json) and Swagger 2.0 schema objects (as in
 * swagger.json) that Argo's definitions use, plus the Kubernetes extensions that change a type.
 * Unknown keys are allowed and ignored so a new Argo version degrades to looser types, not a crash.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  'x-kubernetes-int-or-string'?: boolean;
  [key: string]: unknown;
}

/** Where a definition came from; stream results are synthesised from swagger.json's streaming responses. */
export type DefinitionSource = 'schema' | 'swagger' | 'stream';

/** One named schema to turn into one exported TypeScript declaration. */
export interface Definition {
  /** The full dotted name, e.g. `io.argoproj.workflow.v1alpha1.Workflow`. */
  name: string;
  schema: JsonSchema;
  source: DefinitionSource;
  /** For a stream result, the full name of the definition each message carries. */
  streamOf?: string;
}
