import type { NextRequest } from 'next/server';
import { respond } from '@/server/api/respond';
import { ssoClaimsFor } from '@/server/auth/cluster-for-request';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/**
 * InfoService.GetUserInfo: an SSO user's claims, with the ServiceAccount the request runs as when SSO RBAC maps one,
 * as argo-server answers; `{}` otherwise (server and client modes carry no user details here).
 */
export function GET(request: NextRequest) {
  return respond(async () => {
    const claims = await ssoClaimsFor(request);
    if (!claims) return {};
    const accounts = getRuntime().sso?.accounts;
    const account = accounts ? await accounts.tokenFor(claims, undefined).then((r) => r.account.metadata, () => undefined) : undefined;
    return {
      subject: claims.sub,
      issuer: claims.iss,
      ...(claims.groups.length ? { groups: claims.groups } : {}),
      ...(claims.name ? { name: claims.name } : {}),
      ...(claims.email ? { email: claims.email } : {}),
      ...(claims.email_verified ? { emailVerified: true } : {}),
      ...(claims.preferred_username ? { preferredUsername: claims.preferred_username } : {}),
      ...(account ? { serviceAccountName: account.name, serviceAccountNamespace: account.namespace } : {}),
    };
  });
}
