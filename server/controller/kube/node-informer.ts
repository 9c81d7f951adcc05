import { type KubeConfig, type KubernetesListObject, type KubernetesObject, makeInformer } from '@kubernetes/client-node';
import type { Logger } from '../../logger';

/**
 * Objects labelled with their workflow (pods, WorkflowTaskResults), kept by `namespace/nodeId` through a
 * list-then-watch informer. @kubernetes/client-node relists on 410 Gone and rewatches when a watch ends; on any
 * other error this restarts the informer after a second, so one API server hiccup does not stop observation.
 */
export class NodeInformer<T extends KubernetesObject> {
  private readonly byNode = new Map<string, T>();
  private readonly informer;
  private closed = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    kubeConfig: KubeConfig,
    path: string,
    list: () => Promise<KubernetesListObject<T>>,
    private readonly nodeIdOf: (object: T) => string | undefined,
    private readonly onEvent: (object: T, type: 'add' | 'update' | 'delete') => void,
    private readonly logger?: Logger,
  ) {
    this.informer = makeInformer<T>(kubeConfig, path, list, 'workflows.argoproj.io/workflow');
    this.informer.on('add', (o) => this.apply(o, 'add'));
    this.informer.on('update', (o) => this.apply(o, 'update'));
    this.informer.on('delete', (o) => this.apply(o, 'delete'));
    this.informer.on('error', (error) => {
      if (this.closed) return;
      this.logger?.warn({ err: error, path }, 'watch failed; listing again in 1 s');
      this.restartTimer = setTimeout(() => void this.informer.start().catch(() => {}), 1000);
    });
  }

  private key(object: T): string | undefined {
    const nodeId = this.nodeIdOf(object);
    return nodeId ? `${object.metadata?.namespace ?? ''}/${nodeId}` : undefined;
  }

  private apply(object: T, type: 'add' | 'update' | 'delete'): void {
    const key = this.key(object);
    if (!key) return;
    if (type === 'delete') {
      // A relist may report the delete of an older object after a newer one with the same node arrived.
      if (this.byNode.get(key)?.metadata?.uid === object.metadata?.uid) this.byNode.delete(key);
    } else this.byNode.set(key, object);
    this.onEvent(object, type);
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
