import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SwaggerDocument, toApiIndex } from '@/lib/apidocs/api-index';

type ApiDocs = { swagger: SwaggerDocument; index: ReturnType<typeof toApiIndex> };

// Shared through globalThis: the route handlers are bundled apart from the server, cannot work out where the
// server's files are (Next's bundler refuses `new URL(..., import.meta.url)` there), and would read it again.
const sharedKey = Symbol.for('capstan.argoApiDocs');
const shared = globalThis as { [sharedKey]?: ApiDocs };

/**
 * Reads Argo v4.1.2's OpenAPI document (kept in the repository as server/api/argo-swagger.json) and its compact
 * index, once. Read from disk rather than imported, so the type checker does not infer types for 800 kB of JSON.
 * The server loads it at start from beside its own code; reading it from the working directory, as before, made
 * every API request fail when Capstan was started from another directory.
 */
export function loadArgoApiDocs(file: string | URL): ApiDocs {
  const swagger = JSON.parse(readFileSync(file, 'utf8')) as SwaggerDocument;
  shared[sharedKey] = { swagger, index: toApiIndex(swagger) };
  return shared[sharedKey];
}

/** The document the server loaded (tools and tests run from the repository's root read it from there). */
export function argoApiDocs(): ApiDocs {
  return shared[sharedKey] ?? loadArgoApiDocs(join(process.cwd(), 'server/api/argo-swagger.json'));
}
