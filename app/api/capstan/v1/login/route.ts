import { z } from 'zod';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { authorizationCookie, authorizationFromToken, reachedOverTls } from '@/lib/auth/session-cookie';
import { parseBody } from '@/server/api/parse';
import { errorResponse } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

const body = z.object({ token: z.string() });

/** Client-token login: stores the pasted token in the `authorization` cookie (lib/auth/session-cookie.ts). */
export async function POST(request: Request) {
  try {
    const { config } = getRuntime();
    const { token } = await parseBody(request, body);
    const authorization = authorizationFromToken(token);
    if (!authorization) throw new ApiError(GrpcCode.InvalidArgument, 'token is empty: paste the output of `argo auth token` or `kubectl create token <service account>`');
    return new Response('{}', {
      headers: { 'content-type': 'application/json', 'set-cookie': authorizationCookie(authorization, { baseHref: config.baseHref, tls: reachedOverTls(request.headers) }) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
