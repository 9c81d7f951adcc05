import { CoreV1Api, type KubeConfig, type V1ConfigMap, Watch } from '@kubernetes/client-node';
import { type ControllerConfig, ControllerConfigError, emptyControllerConfig, parseControllerConfig } from '@/lib/controller/controller-config';
import { type ApiReachability, isUnreachable } from '../cluster/api-reachability';
import { fromKubeError } from '../cluster/kube-errors';
import type { Logger } from '../logger';

type Listener = (config: ControllerConfig, previous: ControllerConfig) => void;

/**
 * The controller's configuration (Argo's `workflow-controller-configmap`), kept current: a change is parsed and
 * handed to every listener, as Argo's controller re-reads its ConfigMap; a change that does not parse is logged
 * and the last good configuration stays.
 */
export abstract class ControllerConfigSource {
  private config = emptyControllerConfig();
  private readonly listeners = new Set<Listener>();

  constructor(protected readonly logger: Logger, readonly where: string) {}

  current(): ControllerConfig {
    return this.config;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the configuration once; a configuration that does not parse stops the start, as in Argo. */
  abstract start(): Promise<void>;
  abstract stop(): void;

  /** Parses new ConfigMap data; at start a bad one throws, later it is logged and ignored. */
  protected applyData(data: Record<string, string> | undefined, atStart: boolean): void {
    let next: ControllerConfig;
    try {
      next = parseControllerConfig(data);
    } catch (error) {
      if (!(error instanceof ControllerConfigError)) throw error;
      const message = `${this.where}: ${error.message}`;
      if (atStart) throw new Error(message);
      this.logger.error(`${message}; keeping the previous configuration`);
      return;
    }
    const previous = this.config;
    if (JSON.stringify(previous.raw) === JSON.stringify(next.raw) && !atStart) return;
    this.config = next;
    if (!atStart) this.logger.info({ configMap: this.where }, 'controller configuration changed');
    for (const listener of this.listeners) listener(next, previous);
  }
}

/** Kubernetes mode: the ConfigMap in the controller's namespace, watched for changes. */
export class ConfigMapSource extends ControllerConfigSource {
  private readonly core: CoreV1Api;
  private readonly abort = new AbortController();
  private resourceVersion = '';

  private failures = 0;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly namespace: string,
    private readonly name: string,
    logger: Logger,
    private readonly reachability?: ApiReachability,
  ) {
    super(logger, `ConfigMap ${namespace}/${name}`);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  async start(): Promise<void> {
    const list = await this.core.listNamespacedConfigMap({ namespace: this.namespace, fieldSelector: `metadata.name=${this.name}` }).catch((error: Error) => {
      throw new Error(`cannot read ${this.where}: ${error.message}`);
    });
    this.resourceVersion = list.metadata?.resourceVersion ?? '';
    const found = list.items[0];
    if (!found) this.logger.info({ configMap: this.where }, 'no controller ConfigMap: using Argo\'s defaults');
    this.applyData(found?.data, true);
    void this.watch();
  }

  private async watch(): Promise<void> {
    if (this.abort.signal.aborted) return;
    const again = (ms: number) => {
      if (!this.abort.signal.aborted) setTimeout(() => void this.relistAndWatch(), ms).unref();
    };
    try {
      const request = await new Watch(this.kubeConfig).watch(
        `/api/v1/namespaces/${this.namespace}/configmaps`,
        { fieldSelector: `metadata.name=${this.name}`, resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
        (type: string, object: V1ConfigMap & { code?: number }) => {
          if (type === 'ERROR') return;
          if (object.metadata?.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
          if (type === 'ADDED' || type === 'MODIFIED') this.applyData(object.data, false);
          if (type === 'DELETED') this.applyData(undefined, false);
        },
        (error: unknown) => again(error ? 1000 : 0),
      );
      this.abort.signal.addEventListener('abort', () => request.abort(), { once: true });
    } catch {
      again(1000);
    }
  }

  // After a watch error the version may have expired: list again, so no change is missed.
  private async relistAndWatch(): Promise<void> {
    try {
      const list = await this.core.listNamespacedConfigMap({ namespace: this.namespace, fieldSelector: `metadata.name=${this.name}` });
      this.resourceVersion = list.metadata?.resourceVersion ?? '';
      this.applyData(list.items[0]?.data, false);
    } catch (error) {
      const apiError = fromKubeError(error);
      let delay = 5000;
      if (this.reachability && isUnreachable(apiError)) delay = this.reachability.failed(this.where, apiError, ++this.failures);
      else this.logger.warn({ err: error, configMap: this.where }, 'cannot read the controller ConfigMap; retrying');
      if (!this.abort.signal.aborted) setTimeout(() => void this.relistAndWatch(), delay).unref();
      return;
    }
    this.failures = 0;
    await this.watch();
  }

  stop(): void {
    this.abort.abort();
  }
}

/**
 * Embedded mode: the same ConfigMap among embedded mode's manifests (`<data dir>/config`, see docs/artifacts.md),
 * read again every few seconds so an edit applies without a restart. None: Argo's defaults.
 */
export class PolledConfigSource extends ControllerConfigSource {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly read: () => Promise<Record<string, string> | undefined>, where: string, logger: Logger, private readonly intervalMs = 2000) {
    super(logger, where);
  }

  async start(): Promise<void> {
    this.applyData(await this.read(), true);
    const poll = async () => {
      try {
        this.applyData(await this.read(), false);
      } catch (error) {
        this.logger.error({ err: error }, `cannot read ${this.where}; keeping the previous configuration`);
      }
      this.timer = setTimeout(() => void poll(), this.intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(() => void poll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
