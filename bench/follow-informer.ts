import type { Informer, KubernetesObject } from '@kubernetes/client-node';

/**
 * Starts `informer` with `seen` for every object added or updated, starting it again half a second after an error
 * (the API server ends watches, or cuts a slow one) until the returned function stops it: a benchmark's observer
 * must not go blind midway through a run.
 */
export async function followInformer<T extends KubernetesObject>(informer: Informer<T>, seen: (object: T) => void): Promise<() => void> {
  informer.on('add', seen);
  informer.on('update', seen);
  let stopped = false;
  informer.on('error', () => {
    if (!stopped) setTimeout(() => void informer.start().catch(() => {}), 500);
  });
  await informer.start();
  return () => {
    stopped = true;
    void informer.stop();
  };
}
