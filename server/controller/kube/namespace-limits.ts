import { CoreV1Api, type KubeConfig, makeInformer, type V1Namespace } from '@kubernetes/client-node';
import { namespaceLimitOf, parallelismLimitLabel } from '@/lib/controller/workflow-throttler';
import type { Logger } from '../../logger';

/**
 * Argo's per-namespace parallelism: namespaces labelled `workflows.argoproj.io/parallelism-limit` get that limit
 * instead of the ConfigMap's namespaceParallelism, following the label as it changes. Without the right to list
 * and watch namespaces (a namespaced install) it says so once and the ConfigMap's limit applies, as in Argo.
 * Returns a function that stops watching.
 */
export async function watchNamespaceLimits(
  kubeConfig: KubeConfig,
  apply: (namespace: string, limit: number | undefined) => void,
  logger: Logger,
): Promise<() => void> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const list = () => core.listNamespace({ labelSelector: parallelismLimitLabel });
  try {
    await list();
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'cannot list namespaces: per-namespace parallelism (the parallelism-limit label) is off');
    return () => {};
  }
  const informer = makeInformer<V1Namespace>(kubeConfig, '/api/v1/namespaces', list, parallelismLimitLabel);
  const update = (ns: V1Namespace) => {
    const name = ns.metadata?.name ?? '';
    const limit = namespaceLimitOf(ns.metadata?.labels);
    if (typeof limit === 'object') {
      logger.error({ namespace: name }, `namespace parallelism: ${limit.error}; keeping the previous limit`);
      return;
    }
    logger.info({ namespace: name, limit }, 'namespace parallelism limit changed');
    apply(name, limit);
  };
  informer.on('add', update);
  informer.on('update', update);
  informer.on('delete', (ns) => apply(ns.metadata?.name ?? '', undefined));
  let stopped = false;
  informer.on('error', () => {
    if (!stopped) setTimeout(() => void informer.start().catch(() => {}), 5000).unref();
  });
  await informer.start();
  return () => {
    stopped = true;
    void informer.stop();
  };
}
