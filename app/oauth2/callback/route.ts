import { ApiError, GrpcCode } from '@/lib/api-error';
import { errorResponse } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** argo-server's `/oauth2/callback`: where the OIDC provider returns the browser; sets the session cookie. */
export async function GET(request: Request) {
  try {
    const { sso } = getRuntime();
    if (!sso) throw new ApiError(GrpcCode.Unimplemented, 'SSO is not enabled: start Capstan with --auth-mode sso (docs/sso.md)');
    return await sso.service.callback(request);
  } catch (error) {
    return errorResponse(error);
  }
}
