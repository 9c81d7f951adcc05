import { findRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/**
 * Readiness: the store or cluster is open and the controller started (both happen before the runtime is set);
 * not ready again once shutdown began, so a load balancer stops sending new requests while streams drain.
 */
export function GET() {
  const runtime = findRuntime();
  const state = !runtime ? 'starting' : runtime.shutdown?.aborted ? 'shutting down' : 'ok';
  return new Response(`${state}\n`, { status: state === 'ok' ? 200 : 503, headers: { 'content-type': 'text/plain' } });
}
