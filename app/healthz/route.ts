export const dynamic = 'force-dynamic';

/** Liveness: the process answers. */
export function GET() {
  return new Response('ok\n', { headers: { 'content-type': 'text/plain' } });
}
