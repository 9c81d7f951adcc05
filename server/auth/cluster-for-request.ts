import { KubeConfig } from '@kubernetes/client-node';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { readAuthorization, toCredential } from '@/lib/auth/credential';
import type { ClusterPort } from '../cluster/cluster-port';
import { KubeCluster } from '../cluster/kube-cluster';
import { getRuntime } from '../runtime';

// One client per token for a while: building a KubeConfig per request would redo TLS set-up each time.
const clientCache = new Map<string, { cluster: KubeCluster; expires: number }>();
const cacheMs = 60_000;

function clusterWithToken(base: KubeConfig, scheme: 'Bearer' | 'Basic', token: string): KubeCluster {
  const key = `${scheme} ${token}`;
  const cached = clientCache.get(key);
  if (cached && cached.expires > Date.now()) return cached.cluster;
  const current = base.getCurrentCluster();
  if (!current) throw new ApiError(GrpcCode.Internal, 'no current cluster in the kubeconfig');
  const config = new KubeConfig();
  const user = scheme === 'Bearer'
    ? { name: 'caller', token }
    : (() => {
        const [username = '', password = ''] = Buffer.from(token, 'base64').toString('utf8').split(/:(.*)/s);
        return { name: 'caller', username, password };
      })();
  config.loadFromOptions({
    clusters: [current],
    users: [user],
    contexts: [{ name: 'caller', cluster: current.name, user: 'caller' }],
    currentContext: 'caller',
  });
  const cluster = new KubeCluster(config);
  clientCache.set(key, { cluster, expires: Date.now() + cacheMs });
  return cluster;
}

/**
 * The cluster port to serve a request with: Capstan's own in server mode, or in client mode one that acts as the
 * caller, so Kubernetes RBAC decides what the caller may do (argo-server's client auth mode). Embedded mode has no
 * users: a client token is accepted and the embedded store serves it.
 */
export function clusterFor(request: Request): ClusterPort {
  const runtime = getRuntime();
  const authorization = readAuthorization(request.headers.get('authorization'), request.headers.get('cookie'));
  const credential = toCredential(authorization, runtime.config.authModes);
  if (credential.mode === 'sso') throw new ApiError(GrpcCode.Unauthenticated, 'SSO sessions are not supported yet');
  // By name, not instanceof: route handlers are bundled apart from server/main.ts (docs/architecture.md).
  if (credential.mode === 'server' || runtime.cluster.name !== 'kubernetes') return runtime.cluster;
  return clusterWithToken((runtime.cluster as KubeCluster).kubeConfig, credential.scheme, credential.token);
}
