import { type KubeConfig, type KubernetesListObject, type KubernetesObject, makeInformer } from '@kubernetes/client-node';
import type { ApiReachability } from '../../cluster/api-reachability';
import type { Logger } from '../../logger';

/**
 * Objects labelled with their workflow (pods, WorkflowTaskResults), kept by `namespace/nodeId` through a
 * list-then-watch informer. @kubernetes/client-node relists on 410 Gone and rewatches when a watch ends; on any
 * other error (or a restart that fails) this restarts the informer with backoff (1 s doubling to 30 s), so an API
 * server outage of any length does not stop observation and is logged once through `reachability`.
 */
export class NodeInformer<T extends KubernetesObject> {
  private readonly byNode = new Map<string, T>();
  private readonly informer;
  private closed = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private failedSinceStart = false;

  constructor(
    kubeConfig: KubeConfig,
    private readonly path: string,
    list: () => Promise<KubernetesListObject<T>>,
    private readonly nodeIdOf: (object: T) => string | undefined,
    /** `previous`: the object this replaces, when the informer had one. */
    private readonly onEvent: (object: T, type: 'add' | 'update' | 'delete', previous?: T) => void,
    private readonly logger?: Logger,
    private readonly reachability?: ApiReachability,
  ) {
    this.informer = makeInformer<T>(kubeConfig, path, list, 'workflows.argoproj.io/workflow');
    this.informer.on('add', (o) => this.apply(o, 'add'));
    this.informer.on('update', (o) => this.apply(o, 'update'));
    this.informer.on('delete', (o) => this.apply(o, 'delete'));
    this.informer.on('error', (error) => this.restartLater(error));
  }

  private restartLater(error: unknown): void {
    this.failedSinceStart = true;
    if (this.closed || this.restartTimer) return;
    this.failures++;
    const delay = this.reachability?.failed(`watch ${this.path}`, error, this.failures)
      ?? (this.logger?.warn({ err: error, path: this.path }, 'watch failed; listing again in 1 s'), 1000);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.failedSinceStart = false;
      this.informer.start().then(() => {
        if (this.failedSinceStart) return;
        this.failures = 0;
        this.reachability?.succeeded();
      }, (startError: unknown) => this.restartLater(startError));
    }, delay);
    this.restartTimer.unref?.();
  }

  private key(object: T): string | undefined {
    const nodeId = this.nodeIdOf(object);
    return nodeId ? `${object.metadata?.namespace ?? ''}/${nodeId}` : undefined;
  }

  private apply(object: T, type: 'add' | 'update' | 'delete'): void {
    const key = this.key(object);
    if (!key) return;
    const previous = this.byNode.get(key);
    if (type === 'delete') {
      // A relist may report the delete of an older object after a newer one with the same node arrived.
      if (this.byNode.get(key)?.metadata?.uid === object.metadata?.uid) this.byNode.delete(key);
    } else this.byNode.set(key, object);
    this.onEvent(object, type, previous);
  }

  /** Lists, then watches; resolves once the first list is in the cache. */
  start(): Promise<void> {
    return this.informer.start();
  }

  get(namespace: string, nodeId: string): T | undefined {
    return this.byNode.get(`${namespace}/${nodeId}`);
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    await this.informer.stop();
  }
}
