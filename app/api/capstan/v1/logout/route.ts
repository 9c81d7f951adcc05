import { authorizationCookie, reachedOverTls } from '@/lib/auth/session-cookie';
import { errorResponse } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Forgets the login cookie. */
export async function POST(request: Request) {
  try {
    const { config } = getRuntime();
    const tls = reachedOverTls(request.headers);
    return new Response('{}', {
      headers: { 'content-type': 'application/json', 'set-cookie': authorizationCookie('', { baseHref: config.baseHref, tls, clear: true }) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
