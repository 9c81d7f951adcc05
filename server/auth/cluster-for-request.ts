import { ApiError, GrpcCode } from '@/lib/api-error';
import { type Credential, readAuthorization, toCredential } from '@/lib/auth/credential';
import { requestNamespace } from '@/lib/auth/request-namespace';
import type { SsoClaims } from '@/lib/auth/sso-rbac';
import type { ClusterPort } from '../cluster/cluster-port';
// A type only: the caller's adapter is made by the runtime's (KubeCluster.asCaller), so route handlers never load
// the Kubernetes client themselves (docs/architecture.md).
import type { KubeCluster } from '../cluster/kube-cluster';
import { getRuntime, type Runtime } from '../runtime';

function credentialOf(request: Request, runtime: Runtime): Credential {
  const authorization = readAuthorization(request.headers.get('authorization'), request.headers.get('cookie'));
  return toCredential(authorization, runtime.config.authModes);
}

/** Who an SSO session belongs to; undefined when the request is not one (Unauthenticated when it is an invalid one). */
export async function ssoClaimsFor(request: Request): Promise<SsoClaims | undefined> {
  const runtime = getRuntime();
  const credential = credentialOf(request, runtime);
  if (credential.mode !== 'sso') return undefined;
  if (!runtime.sso) throw new ApiError(GrpcCode.Unauthenticated, 'SSO is not configured');
  return runtime.sso.service.authorize(credential.token);
}

/**
 * The cluster port to serve a request with, as argo-server's gatekeeper picks the clients: Capstan's own in server
 * mode; in client mode one acting as the caller's token, so Kubernetes RBAC decides; in SSO mode, after checking the
 * session, Capstan's own (RBAC off) or the token of the ServiceAccount the user's claims map to (`sso.rbac.enabled`,
 * docs/sso.md). Embedded mode has no users: a client token or session is accepted and the embedded store serves it.
 */
export async function clusterFor(request: Request): Promise<ClusterPort> {
  const runtime = getRuntime();
  const credential = credentialOf(request, runtime);
  if (credential.mode === 'sso') {
    if (!runtime.sso) throw new ApiError(GrpcCode.Unauthenticated, 'SSO is not configured');
    const claims = await runtime.sso.service.authorize(credential.token);
    const accounts = runtime.sso.accounts;
    if (!accounts || runtime.cluster.name !== 'kubernetes') return runtime.cluster;
    const { token } = await accounts.tokenFor(claims, requestNamespace(new URL(request.url)));
    return (runtime.cluster as KubeCluster).asCaller('Bearer', token);
  }
  // By name, not instanceof: route handlers are bundled apart from server/main.ts (docs/architecture.md).
  if (credential.mode === 'server' || runtime.cluster.name !== 'kubernetes') return runtime.cluster;
  return (runtime.cluster as KubeCluster).asCaller(credential.scheme, credential.token);
}
