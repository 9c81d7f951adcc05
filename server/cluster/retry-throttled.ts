import { throttledRetryDelayMs } from '@/lib/k8s/throttle-retry';

/**
 * Sends `request` again while the API server refuses it as too busy (429, or a 5xx with Retry-After), waiting what
 * it asks, as client-go does for every controller built on it (Argo's included). Without this a burst past the
 * kube-apiserver's in-flight limit failed a reconcile, and the reconcile's growing retry delay (up to 30 s) then
 * held a workflow's status back long after its pods had finished. Other failures are thrown at once.
 */
export async function retryThrottled<R>(request: () => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const delayMs = throttledRetryDelayMs(error, attempt);
      if (delayMs === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
