/** One parameter of an API operation, as the docs page lists it. */
export interface ApiParameter {
  name: string;
  in: string;
  type: string;
  /** OpenAPI's format: `int64` on a string-typed query parameter is a number in disguise. */
  format?: string;
  required: boolean;
  description: string;
}

/** One operation: method, path, what it does, its parameters and what it answers. */
export interface ApiOperation {
  method: string;
  path: string;
  id: string;
  tag: string;
  summary: string;
  parameters: ApiParameter[];
  /** The JSON type of each top-level field of the request body (`string`, `boolean`, `integer`, `array`, `object`). */
  bodyFields?: Record<string, string>;
  response: string;
}

interface SwaggerParameter { name?: string; in?: string; type?: string; format?: string; required?: boolean; description?: string; schema?: { $ref?: string } }
interface SwaggerOperation { tags?: string[]; operationId?: string; summary?: string; description?: string; parameters?: SwaggerParameter[]; responses?: Record<string, { schema?: { $ref?: string; title?: string } }> }
interface SwaggerDefinition { type?: string; properties?: Record<string, { type?: string; format?: string; $ref?: string }> }
export interface SwaggerDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, SwaggerOperation>>;
  definitions?: Record<string, SwaggerDefinition>;
}

/** JSON types of a body definition's fields; grpc-gateway's decoder refuses a field of another type. */
function bodyFieldTypes(swagger: SwaggerDocument, ref: string | undefined): Record<string, string> | undefined {
  const definition = ref ? swagger.definitions?.[ref.replace('#/definitions/', '')] : undefined;
  if (!definition?.properties) return undefined;
  const fields: Record<string, string> = {};
  for (const [name, property] of Object.entries(definition.properties)) {
    if (property.$ref) {
      const target = swagger.definitions?.[property.$ref.replace('#/definitions/', '')];
      // A $ref to a non-object (Kubernetes' Time, Quantity, IntOrString) has its own JSON form: not checked.
      if (!target?.type || target.type === 'object') fields[name] = 'object';
    } else if (property.type === 'string' && property.format === 'int64') fields[name] = 'int64';
    else if (property.type) fields[name] = property.type;
  }
  return fields;
}

const shortRef = (ref: string | undefined) => (ref ? ref.replace('#/definitions/', '').replace('io.argoproj.workflow.v1alpha1.', '') : '');

/**
 * A compact index of an OpenAPI 2 document, grouped by tag in path order: the docs page needs the operations,
 * not the 800 kB of definitions. Kubernetes' long `listOptions.*` descriptions are cut to their first sentence.
 */
export function toApiIndex(swagger: SwaggerDocument): { title: string; version: string; operations: ApiOperation[] } {
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(swagger.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        id: op.operationId ?? `${method} ${path}`,
        tag: op.tags?.[0] ?? 'Other',
        summary: op.summary ?? op.description ?? (op.operationId ?? '').replace(/^.*_/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name ?? '',
          in: p.in ?? '',
          type: p.type ?? shortRef(p.schema?.$ref) ?? '',
          ...(p.format ? { format: p.format } : {}),
          required: Boolean(p.required),
          description: (p.description ?? '').split(/\.\s|\n\n/)[0]!.replace(/\n/g, ' ').trim(),
        })),
        ...(() => {
          const fields = bodyFieldTypes(swagger, op.parameters?.find((p) => p.in === 'body')?.schema?.$ref);
          return fields ? { bodyFields: fields } : {};
        })(),
        response: shortRef(op.responses?.['200']?.schema?.$ref) || op.responses?.['200']?.schema?.title || '',
      });
    }
  }
  operations.sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return { title: swagger.info?.title ?? 'API', version: swagger.info?.version ?? '', operations };
}
