import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SwaggerDocument, toApiIndex } from '@/lib/apidocs/api-index';

let cached: { swagger: SwaggerDocument; index: ReturnType<typeof toApiIndex> } | undefined;

/**
 * Argo v4.1.2's OpenAPI document (kept in the repository beside this file, read once) and its compact index.
 * Read from disk rather than imported, so the type checker does not infer types for 800 kB of JSON.
 */
export function argoApiDocs() {
  if (!cached) {
    const swagger = JSON.parse(readFileSync(join(process.cwd(), 'server/api/argo-swagger.json'), 'utf8')) as SwaggerDocument;
    cached = { swagger, index: toApiIndex(swagger) };
  }
  return cached;
}
