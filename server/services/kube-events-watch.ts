import { type KubeConfig, Watch } from '@kubernetes/client-node';
import type { ClusterPort } from '../cluster/cluster-port';

/**
 * `GET /api/v1/stream/events/{namespace}` (WorkflowService.WatchEvents): the namespace's Kubernetes Events as
 * `{"result": event}` messages, as argo-server streams them (the existing ones first, then changes). Embedded mode
 * records no Kubernetes Events: the stream stays open with keep-alives only.
 */
export async function* watchKubeEvents(
  cluster: ClusterPort,
  options: { namespace: string; labelSelector?: string; fieldSelector?: string },
  signal: AbortSignal,
): AsyncIterable<unknown> {
  const kubeConfig = (cluster as Partial<{ kubeConfig: KubeConfig }>).kubeConfig;
  if (cluster.name !== 'kubernetes' || !kubeConfig) {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    return;
  }
  const queue: unknown[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const push = (message: unknown) => {
    queue.push(message);
    wake?.();
  };
  const path = options.namespace ? `/api/v1/namespaces/${options.namespace}/events` : '/api/v1/events';
  const query = {
    ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
    ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}),
  };
  const request = await new Watch(kubeConfig).watch(path, query, (type: string, object: unknown) => {
    if (type === 'ERROR') {
      const status = object as { code?: number; message?: string };
      push({ error: { grpc_code: 13, http_code: status.code ?? 500, message: status.message ?? 'watch failed', http_status: 'Internal Server Error' } });
    } else if (type !== 'BOOKMARK') push({ result: object });
  }, (error: unknown) => {
    if (error && !signal.aborted) push({ error: { grpc_code: 14, http_code: 503, message: String((error as Error).message ?? error), http_status: 'Service Unavailable' } });
    ended = true;
    wake?.();
  });
  signal.addEventListener('abort', () => {
    request.abort();
    ended = true;
    wake?.();
  }, { once: true });
  for (;;) {
    while (queue.length) yield queue.shift();
    if (ended || signal.aborted) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}
