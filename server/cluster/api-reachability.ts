import { type KubeConfig, VersionApi } from '@kubernetes/client-node';
import { GrpcCode, isApiError } from '@/lib/api-error';
import { retryDelayMs } from '@/lib/controller/retry-backoff';
import type { Logger } from '../logger';
import { fromKubeError } from './kube-errors';

/**
 * Whether a failure means the kube-apiserver is unreachable or overloaded (connection refused or reset, timeouts,
 * 429, 5xx) rather than a request it refused: those are retried with backoff and reported once per outage.
 */
export function isUnreachable(error: unknown): boolean {
  if (isApiError(error)) return error.code === GrpcCode.Unavailable || error.code === GrpcCode.ResourceExhausted;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  if (typeof e?.code === 'number') return e.code === 429 || e.code >= 500;
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? error)} ${String((e?.cause as { code?: string })?.code ?? '')}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|socket hang up|fetch failed|aborted|timed? ?out/i.test(text);
}

/**
 * One process's view of the kube-apiserver, shared by its watches, informers, leader election and controllers:
 * the first failure of an outage is logged as an error naming the cause, the recovery once with how long it
 * lasted, and the failures between them only at debug level, so a dead API server gives two clear lines instead of
 * one per watch per second. `retryDelayMs` gives every retrying loop the same backoff (1 s doubling to 30 s).
 */
export class ApiReachability {
  private downSince: number | undefined;
  private failures = 0;

  constructor(private readonly logger?: Logger, private readonly server = '') {}

  get reachable(): boolean {
    return this.downSince === undefined;
  }

  /** Records a failed call by `source`; returns how long that source should wait before trying again. */
  failed(source: string, error: unknown, sourceFailures = this.failures + 1): number {
    this.failures++;
    const delayMs = retryDelayMs(sourceFailures);
    const cause = (error as { message?: string })?.message ?? String(error);
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      this.logger?.error({ server: this.server, source, cause }, `kube-apiserver unreachable: ${cause}; retrying with backoff (1 s doubling to 30 s)`);
    } else {
      this.logger?.debug({ source, cause, retryInMs: delayMs }, 'kube-apiserver still unreachable');
    }
    return delayMs;
  }

  /** Records a successful call; logs the recovery once after an outage. */
  succeeded(): void {
    this.failures = 0;
    if (this.downSince === undefined) return;
    const seconds = Math.round((Date.now() - this.downSince) / 100) / 10;
    this.downSince = undefined;
    this.logger?.info({ server: this.server, downSeconds: seconds }, `kube-apiserver reachable again after ${seconds} s`);
  }
}

/**
 * Waits at start-up until the API server answers, retrying with backoff and saying why once, rather than exiting
 * (which Kubernetes would turn into a crash loop). A refusal (bad credentials, no rights) is not waited out: it
 * throws at once with the API server's message.
 */
export async function waitUntilReachable(kubeConfig: KubeConfig, reachability: ApiReachability, signal?: AbortSignal): Promise<void> {
  const api = kubeConfig.makeApiClient(VersionApi);
  for (let failures = 1; ; failures++) {
    try {
      await api.getCode();
      reachability.succeeded();
      return;
    } catch (error) {
      const apiError = fromKubeError(error);
      if (!isUnreachable(apiError)) throw new Error(`kube-apiserver ${kubeConfig.getCurrentCluster()?.server ?? ''} refused Capstan: ${apiError.message}`);
      const delay = reachability.failed('start-up', apiError, failures);
      await new Promise((r) => setTimeout(r, delay));
      if (signal?.aborted) throw new Error('stopped while waiting for the kube-apiserver');
    }
  }
}
