import type { KubeCluster } from '../cluster/kube-cluster';
import { clusterFor, ssoClaimsFor } from '../auth/cluster-for-request';
import { getRuntime } from '../runtime';

const cache = new Map<string, { user: string; expires: number }>();

/**
 * Who is calling, for per-user settings (favourites): in client auth mode the Kubernetes user of the caller's
 * token, asked of kube-apiserver (SelfSubjectReview, so a forged token names nobody); in SSO mode the verified
 * session's email (else subject); `anonymous` when Capstan serves the request as itself (server mode, embedded mode).
 */
export async function callerIdentity(request: Request): Promise<string> {
  const claims = await ssoClaimsFor(request);
  if (claims) return claims.email || `sso:${claims.sub}`;
  const cluster = (await clusterFor(request));
  const runtime = getRuntime();
  if (cluster === runtime.cluster || cluster.name !== 'kubernetes') return 'anonymous';
  const key = request.headers.get('authorization') ?? request.headers.get('cookie') ?? '';
  const cached = cache.get(key);
  if (cached && cached.expires > Date.now()) return cached.user;
  const user = (await (cluster as KubeCluster).reviewSelf()) || 'anonymous';
  cache.set(key, { user, expires: Date.now() + 60_000 });
  return user;
}
