import type { ClusterPort } from '../cluster/cluster-port';
import type { KubeCluster } from '../cluster/kube-cluster';
import type { KubeObject } from '@/lib/k8s/object';
import { matchesFieldSelector } from '@/lib/k8s/kube-event';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';

/**
 * `GET /api/v1/stream/events/{namespace}` (WorkflowService.WatchEvents): the namespace's Kubernetes Events as
 * `{"result": event}` messages, as argo-server streams them (the existing ones first, then changes). Embedded mode
 * streams the Events its controller recorded (ClusterPort.recordEvent), filtered by the same selectors.
 */
export async function* watchKubeEvents(
  cluster: ClusterPort,
  options: { namespace: string; labelSelector?: string; fieldSelector?: string },
  signal: AbortSignal,
): AsyncIterable<unknown> {
  if (cluster.name !== 'kubernetes') {
    yield* watchStoredEvents(cluster, options, signal);
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
  // Through the adapter: route handlers do not load the Kubernetes client themselves (KubeCluster.asCaller).
  const request = await (cluster as KubeCluster).watchPath(path, query, (type: string, object: unknown) => {
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

/** Embedded mode: the stored Events, then each new one, as the API server's list-then-watch. */
async function* watchStoredEvents(
  cluster: ClusterPort,
  options: { namespace: string; labelSelector?: string; fieldSelector?: string },
  signal: AbortSignal,
): AsyncIterable<unknown> {
  const queue: unknown[] = [];
  let wake: (() => void) | undefined;
  const labels = parseLabelSelector(options.labelSelector ?? '');
  const wanted = (event: KubeObject) => matchesFieldSelector(event, options.fieldSelector) && matchesLabels(event.metadata.labels, labels);
  // Watch first, so nothing recorded between the list and the watch is lost; a repeat of a listed version is dropped
  // (a later version of a listed Event, its count patched, is not).
  const seen = new Set<string>();
  const versionOf = (event: KubeObject) => `${event.metadata.uid ?? ''}/${event.metadata.resourceVersion ?? ''}`;
  const watching = cluster.watch('events', options.namespace, (change) => {
    if (change.type === 'DELETED' || !wanted(change.object)) return;
    queue.push({ result: change.object });
    wake?.();
  }, signal).catch(() => undefined);
  const listed = await cluster.list('events', options.namespace);
  for (const event of listed.items.filter(wanted)) {
    seen.add(versionOf(event));
    yield { result: event };
  }
  signal.addEventListener('abort', () => wake?.(), { once: true });
  while (!signal.aborted) {
    while (queue.length) {
      const next = queue.shift() as { result: KubeObject };
      if (!seen.has(versionOf(next.result))) yield next;
    }
    if (signal.aborted) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  await watching;
}
