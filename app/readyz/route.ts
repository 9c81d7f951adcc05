import { findRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Readiness: the store or cluster is open and the controller started (both happen before the runtime is set). */
export function GET() {
  const ready = findRuntime() !== undefined;
  return new Response(ready ? 'ok\n' : 'starting\n', { status: ready ? 200 : 503, headers: { 'content-type': 'text/plain' } });
}
