import { readAuthorization, toCredential } from '@/lib/auth/credential';
import { authorizationCookie, reachedOverTls } from '@/lib/auth/session-cookie';
import { errorResponse } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/**
 * Forgets the login cookie. An SSO session is also revoked, and the answer's `redirect` is where the browser goes
 * next: the provider's end-session page when it has one (else its own session would log the user straight back in).
 */
export async function POST(request: Request) {
  try {
    const { config, sso } = getRuntime();
    const tls = reachedOverTls(request.headers);
    let redirect: string | undefined;
    if (sso) {
      const authorization = readAuthorization(request.headers.get('authorization'), request.headers.get('cookie'));
      const credential = (() => {
        try {
          return toCredential(authorization, config.authModes);
        } catch {
          return undefined;
        }
      })();
      redirect = (await sso.service.logout(credential?.mode === 'sso' ? credential.token : undefined, request)).location;
    }
    return new Response(JSON.stringify(redirect ? { redirect } : {}), {
      headers: { 'content-type': 'application/json', 'set-cookie': authorizationCookie('', { baseHref: config.baseHref, tls, clear: true }) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
