import { findRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Prometheus metrics (server/metrics.ts): HTTP requests, and the controller's metrics under Argo's names. */
export async function GET() {
  const metrics = findRuntime()?.metrics;
  if (!metrics) return new Response('starting\n', { status: 503, headers: { 'content-type': 'text/plain' } });
  return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
}
