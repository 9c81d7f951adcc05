import { ApiError, GrpcCode } from '@/lib/api-error';
import type { ControllerConfig } from '@/lib/controller/controller-config';
import type { ClusterPort } from './cluster/cluster-port';
import type { PodExecutor } from './controller/pod-executor';
import type { CapstanConfig } from './config';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { SsoAccounts } from './auth/sso-accounts';
import type { SsoService } from './auth/sso';

/** Everything a request handler or the controller needs, built once per process by server/main.ts. */
export interface Runtime {
  config: CapstanConfig;
  cluster: ClusterPort;
  /** Runs and reads pods: local processes in embedded mode, Kubernetes pods otherwise. */
  executor?: PodExecutor;
  logger: Logger;
  startedAt: Date;
  /** The controller configuration (Argo's workflow-controller-configmap), current: e.g. `artifactRepository`. */
  controllerConfig?: () => ControllerConfig;
  /** Whether this replica runs the controllers now (always true without leader election). */
  leadership?: () => { leader: boolean; identity?: string };
  /** Prometheus metrics for /metrics (server/metrics.ts). */
  metrics?: Metrics;
  /** Aborts when Capstan starts shutting down: /readyz fails and open streams end so clients reconnect elsewhere. */
  shutdown?: AbortSignal;
  /** `--auth-mode=sso`: the OIDC login, and with `sso.rbac.enabled` the ServiceAccount mapping (docs/sso.md). */
  sso?: { service: SsoService; accounts?: SsoAccounts };
}

// Next.js bundles route handlers separately from server/main.ts, so a module-level variable would
// exist twice; a global symbol is the one place both copies see.
const key = Symbol.for('capstan.runtime');
type Holder = { [key]?: Runtime };

/** Makes the runtime visible to route handlers. */
export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[key] = runtime;
}

/** The process's runtime; a 503 for requests that arrive before start-up finished. */
export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[key];
  if (!runtime) throw new ApiError(GrpcCode.Unavailable, 'Capstan is starting: try again in a moment');
  return runtime;
}

/** The runtime, or undefined when none is set (pages rendered during `next build`). */
export function findRuntime(): Runtime | undefined {
  return (globalThis as Holder)[key];
}
