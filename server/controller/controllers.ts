import type { ControllerConfig } from '@/lib/controller/controller-config';
import type { Archiver } from '../archive/archiver';
import type { ArtifactCollector } from '../artifacts/artifact-collector';
import type { ArtifactRepositories } from '../artifacts/repositories';
import type { MemoCaches } from './memo-caches';
import type { CustomMetrics } from '../custom-metrics';
import type { ControllerMetrics } from '../controller-metrics';
import type { MetricEmission } from '@/lib/engine/metrics';
import type { ApiReachability } from '../cluster/api-reachability';
import type { ClusterPort } from '../cluster/cluster-port';
import type { CapstanConfig } from '../config';
import type { Logger } from '../logger';
import { belongsToInstance } from '@/lib/controller/instance-id';
import type { KubeObject } from '@/lib/k8s/object';
import { CronController } from './cron-controller';
import { TtlController } from './ttl-controller';
import type { PodExecutor } from './pod-executor';
import { WorkflowController } from './workflow-controller';
import { EventRecorder } from './event-recorder';

/** The controllers one replica runs while it leads (always, without leader election). */
export interface RunningControllers {
  workflow: WorkflowController;
  cron: CronController;
  ttl: TtlController;
  stop(): Promise<void>;
}

export interface ControllerDeps {
  config: CapstanConfig;
  cluster: ClusterPort;
  executor: PodExecutor;
  logger: Logger;
  controllerConfig: () => ControllerConfig;
  archiver?: Archiver;
  /** Reads ConfigMaps for semaphore limits (kubernetes mode). */
  readConfigMap?: (namespace: string, name: string) => Promise<Record<string, string> | undefined>;
  /** Argo's event-fed controller metrics. */
  controllerMetrics?: ControllerMetrics;
  /** Where workflows' and templates' custom metrics go (the /metrics registry). */
  customMetrics?: CustomMetrics;
  /** Memoization caches: the cluster's ConfigMaps, or embedded mode's store. */
  memoCaches?: MemoCaches;
  /** Resolves each workflow's artifact repository (status.artifactRepositoryRef). */
  repositories?: ArtifactRepositories;
  /** Deletes artifacts as their artifactGC strategy says. */
  artifactCollector?: ArtifactCollector;
  /** Follows per-namespace parallelism limits (kubernetes mode: the namespaces' parallelism-limit label). */
  watchNamespaceLimits?: (apply: (namespace: string, limit: number | undefined) => void) => Promise<() => void>;
  /** The API server's reachability (kubernetes mode), so its outages are logged once. */
  reachability?: ApiReachability;
  /** Records Argo's Events (one recorder for the process, so its correlation outlives a lost leadership). */
  events?: EventRecorder;
}

/**
 * Starts the workflow and cron controllers and the archiver's background work. Kubernetes mode keeps to
 * `--namespace` (like Argo's `--namespaced`), so Capstan can share a cluster with another Argo controller.
 */
export async function startControllers(deps: ControllerDeps): Promise<RunningControllers> {
  const { config, cluster, executor, logger, archiver } = deps;
  const embedded = config.mode === 'embedded';
  const events = deps.events ?? new EventRecorder(cluster, logger);
  const workflow = new WorkflowController(cluster, executor, logger, {
    workers: config.workflowWorkers,
    ...(embedded ? {} : { namespace: config.namespace }),
    onCompleted: archiver?.onCompleted,
    // Kubernetes mode archives a completing workflow before saving it, so one update completes and labels it
    // (docs/archive.md); embedded mode's archive shares the database the store writes to, and archives after.
    ...(archiver && !embedded ? { beforeCompletedSave: archiver.beforeCompletedSave } : {}),
    config: deps.controllerConfig,
    readConfigMap: deps.readConfigMap,
    memoCaches: deps.memoCaches,
    ...(deps.controllerMetrics ? { metrics: deps.controllerMetrics } : {}),
    ...(deps.customMetrics ? { onMetrics: (emissions: MetricEmission[], errors: string[]) => deps.customMetrics!.record(emissions, errors) } : {}),
    repositories: deps.repositories,
    artifactCollector: deps.artifactCollector,
    reachability: deps.reachability,
    events,
  });
  const owns = (object: KubeObject) => belongsToInstance(object.metadata.labels, deps.controllerConfig().instanceID);
  const cron = new CronController(cluster, logger, { ...(embedded ? { collectOwnedWorkflows: true } : { namespace: config.namespace }), owns });
  const ttl = new TtlController(cluster, logger, {
    ...(embedded ? {} : { namespace: config.namespace }),
    owns,
  });
  let stopNamespaceLimits: (() => void) | undefined;
  const stopAll = async () => {
    stopNamespaceLimits?.();
    await Promise.allSettled([workflow.stop(), cron.stop(), ttl.stop()]);
    // Events still queued are written, for a few seconds at most (an unreachable API server must not hold a stop).
    await Promise.race([events.flush(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  };
  try {
    await workflow.start();
    stopNamespaceLimits = await deps.watchNamespaceLimits?.((namespace, limit) => workflow.setNamespaceLimit(namespace, limit));
    await cron.start();
    await ttl.start();
  } catch (error) {
    // E.g. the API server is back but does not serve Argo's kinds yet: leave nothing half running, so a retry starts clean.
    await stopAll();
    throw error;
  }
  if (archiver) {
    archiver.sweep(embedded ? '' : config.namespace).then(
      (archived) => archived > 0 && logger.info({ archived }, 'archived completed workflows left unarchived'),
      (error: unknown) => logger.warn({ err: error }, 'archive sweep failed'),
    );
    archiver.startGarbageCollection();
  }
  return {
    workflow,
    cron,
    ttl,
    async stop() {
      archiver?.stop();
      await stopAll();
    },
  };
}
