import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestChecker, requestChecker } from '@/lib/apidocs/request-check';
import { argoApiDocs } from './api-docs';

let checker: RequestChecker | undefined;
const contract = () => (checker ??= requestChecker(argoApiDocs().index.operations));

/**
 * Answers a request that breaks the API contract (unknown method on a known path, a typed query parameter that
 * does not parse, control characters in the path) with Argo's error body before it reaches a handler.
 * `path` is the request's path with the base href already removed. Returns whether it answered.
 */
export function refuseMalformedApiRequest(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (!path.startsWith('/api/')) return false;
  const url = new URL(path, 'http://capstan');
  const refusal = contract().check(req.method ?? 'GET', url.pathname, url.searchParams);
  if (!refusal) return false;
  res.writeHead(refusal.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(refusal.body));
  return true;
}

/**
 * Throws when a parsed JSON body has top-level fields of the wrong type for its operation (a `name` that is an
 * object, say), which grpc-gateway refuses before argo-server sees the request and handlers here might ignore.
 */
export function checkBodyAgainstContract(request: Request, body: unknown): void {
  const pathname = new URL(request.url).pathname;
  const api = pathname.indexOf('/api/');
  if (api < 0) return;
  const error = contract().checkBody(request.method, pathname.slice(api), body);
  if (error) throw error;
}
