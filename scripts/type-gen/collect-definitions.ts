import type { Definition, DefinitionSource, JsonSchema } from './json-schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `definitions` map of a parsed schema.json or swagger.json, or a clear error naming the file. */
export function readDefinitions(document: unknown, label: string): Record<string, JsonSchema> {
  if (!isRecord(document) || !isRecord(document.definitions)) {
    throw new Error(`${label} has no "definitions" object: is it Argo's schema.json or swagger.json?`);
  }
  return document.definitions as Record<string, JsonSchema>;
}

const streamTitle = /^Stream result of (\S+)$/;

/** Every response schema of every operation in a swagger document, with no further checking. */
function listResponseSchemas(swagger: unknown): JsonSchema[] {
  if (!isRecord(swagger) || !isRecord(swagger.paths)) return [];
  return Object.values(swagger.paths)
    .filter(isRecord)
    .flatMap((operations) => Object.values(operations))
    .filter(isRecord)
    .flatMap((operation) => (isRecord(operation.responses) ? Object.values(operation.responses) : []))
    .filter(isRecord)
    .map((response) => response.schema)
    .filter(isRecord) as JsonSchema[];
}

/**
 * grpc-gateway declares each streaming endpoint's message (`{result?: T, error?: StreamError}`) inline in
 * `paths`, not in `definitions`; they become `<T>StreamResult` definitions so SSE consumers can be typed.
 */
export function collectStreamResults(swagger: unknown): Definition[] {
  const found = new Map<string, Definition>();
  for (const schema of listResponseSchemas(swagger)) {
    const target = streamTitle.exec(schema.title ?? '')?.[1];
    if (target === undefined) continue;
    const name = `${target}StreamResult`;
    if (!found.has(name)) found.set(name, { name, schema, source: 'stream', streamOf: target });
  }
  return [...found.values()];
}

/**
 * Merges both files' definitions. schema.json wins when both define a name: it is the one that pins
 * `apiVersion` and `kind` of the top-level resources with `const`; swagger.json contributes the rest.
 */
export function collectDefinitions(schemaJson: unknown, swaggerJson: unknown): Definition[] {
  const merged = new Map<string, Definition>();
  const add = (definitions: Record<string, JsonSchema>, source: DefinitionSource) => {
    for (const [name, schema] of Object.entries(definitions)) {
      if (!merged.has(name)) merged.set(name, { name, schema, source });
    }
  };
  add(readDefinitions(schemaJson, 'schema.json'), 'schema');
  add(readDefinitions(swaggerJson, 'swagger.json'), 'swagger');
  for (const definition of collectStreamResults(swaggerJson)) {
    if (!merged.has(definition.name)) merged.set(definition.name, definition);
  }
  return [...merged.values()];
}
