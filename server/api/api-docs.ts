import { readFileSync } from 'node:fs';
import { type SwaggerDocument, toApiIndex } from '@/lib/apidocs/api-index';
import { serverFile } from '../server-files';

type ApiDocs = { swagger: SwaggerDocument; index: ReturnType<typeof toApiIndex> };

// Shared through globalThis: the route handlers are bundled apart from the server and would otherwise each read
// the document again, from a path their bundle cannot work out.
const sharedKey = Symbol.for('capstan.argoApiDocs');
const shared = globalThis as { [sharedKey]?: ApiDocs };

/**
 * Argo v4.1.2's OpenAPI document (kept in the repository beside this file, read once) and its compact index.
 * Read from disk rather than imported, so the type checker does not infer types for 800 kB of JSON. Found beside
 * the server's code, not from the working directory: started from any other directory, every API request failed.
 * The server reads it at start, before any route handler asks.
 */
export function argoApiDocs(): ApiDocs {
  if (!shared[sharedKey]) {
    const swagger = JSON.parse(readFileSync(serverFile('api/argo-swagger.json'), 'utf8')) as SwaggerDocument;
    shared[sharedKey] = { swagger, index: toApiIndex(swagger) };
  }
  return shared[sharedKey];
}
