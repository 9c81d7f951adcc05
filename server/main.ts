import type { IncomingMessage, ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import next from 'next';
import { setArchive } from './archive/archive-runtime';
import { DirectoryConfigSource, KubeConfigSource } from './artifacts/config-source';
import { ArtifactRepositories } from './artifacts/repositories';
import { setArtifactRuntime } from './artifacts/artifact-runtime';
import { ArtifactCollector } from './artifacts/artifact-collector';
import { matchArtifactRoute, serveArtifactRoute } from './artifacts/artifact-node-route';
import { type OpenArchive, archiverSettingsOf, createArchiver, openEmbeddedArchive, openKubernetesArchive } from './archive/open-archive';
import { parsePersistenceConfig } from './archive/persistence-config';
import { leaseNameOf } from '@/lib/controller/lease-election';
import { ConfigMapSource, type ControllerConfigSource, PolledConfigSource } from './controller/controller-config-source';
import { type RunningControllers, startControllers } from './controller/controllers';
import { EventRecorder } from './controller/event-recorder';
import { LeaderElector, leaderElectionSettings } from './controller/leader-elector';
import { ApiReachability, waitUntilReachable } from './cluster/api-reachability';
import { watchNamespaceLimits } from './controller/kube/namespace-limits';
import { nextBasePath, toNextPath } from './base-href';
import type { ClusterPort } from './cluster/cluster-port';
import { KubeCluster, loadKubeConfig } from './cluster/kube-cluster';
import { KubePodExecutor } from './controller/kube-pod-executor';
import { LocalPodExecutor } from './controller/local-pod-executor';
import type { PodExecutor } from './controller/pod-executor';
import { kubeMemoCaches, storeMemoCaches } from './controller/memo-caches';
import { withManifestFromArtifact } from './controller/manifest-from';
import { kubeConfigMapReader } from './controller/kube-config-maps';
import { runEmbeddedResource } from './controller/embedded-resources';
import { runHttpTask } from './controller/http-task';
import { runDataTask } from './controller/data-task';
import { InProcessTasks } from './controller/in-process-tasks';
import { createLocalRunner } from './runner/local-runner';
import { type CapstanConfig, ConfigError, formatHelp, parseConfig } from './config';
import { openEmbedded } from './embedded/open-embedded';
import { createLogger, type Logger } from './logger';
import { prepareBuild } from './next-base-path';
import { ensureNextBuild } from './next-build';
import { countPhases, createMetrics, routeLabel } from './metrics';
import { CustomMetrics } from './custom-metrics';
import { ControllerMetrics } from './controller-metrics';
import { setRuntime } from './runtime';
import { setHistory } from './history/history-runtime';
import { openHistoryFor } from './history/open-history-for';
import { loadArgoApiDocs } from './api/api-docs';
import { serverFile } from './server-files';
import { refuseMalformedApiRequest } from './api/request-guard';
import { createListener } from './listener';
import { matchWorkflowEventsRoute, serveWorkflowEvents } from './api/workflow-events-node-route';
import { loadOrCreateTls } from './tls';
import { versionInfo } from './version';
import { openSso } from './auth/open-sso';

const root = fileURLToPath(new URL('..', import.meta.url));

async function openCluster(config: CapstanConfig, logger: Logger, withDatabase: (db: PGlite) => Promise<void>): Promise<ClusterPort> {
  if (config.mode === 'embedded') return openEmbedded(config.dataDir, config.namespace, !config.noSamples, logger, withDatabase);
  const kubeConfig = loadKubeConfig(config.kubeconfig);
  // Workflows are listed and watched through one shared watch per namespace (server/cluster/watch-cache.ts).
  return new KubeCluster(kubeConfig, new ApiReachability(logger, kubeConfig.getCurrentCluster()?.server), { cacheWorkflows: true });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(formatHelp());
    return;
  }
  let config: CapstanConfig;
  try {
    config = parseConfig(argv, process.env, homedir());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`capstan: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.dev) await ensureNextBuild(root, (m) => logger.info(m));

  // The workflow archive: in the embedded database, or in kubernetes mode the PostgreSQL of the controller ConfigMap's
  // `persistence` (or CAPSTAN_ARCHIVE_URL); see docs/archive.md.
  let archive: OpenArchive | undefined;
  const cluster = await openCluster(config, logger, async (db) => {
    archive = await openEmbeddedArchive(db, logger);
  });
  const kubeConfig = config.mode === 'kubernetes' ? (cluster as KubeCluster).kubeConfig : undefined;
  // A dead API server at start-up is waited out with backoff (and logged once), not a crash loop.
  if (kubeConfig) await waitUntilReachable(kubeConfig, (cluster as KubeCluster).reachability);
  // Artifact repositories: the cluster's ConfigMaps and Secrets, or in embedded mode the manifests in <data dir>/config.
  const configSource = kubeConfig ? new KubeConfigSource(kubeConfig) : new DirectoryConfigSource(join(config.dataDir, 'config'));
  // Argo's workflow-controller-configmap, followed as it changes (embedded mode: among those manifests).
  const controllerConfigSource: ControllerConfigSource = kubeConfig
    ? new ConfigMapSource(kubeConfig, config.namespace, config.configMap, logger, (cluster as KubeCluster).reachability)
    : new PolledConfigSource(
      async () => (await configSource.configMap(config.namespace, config.configMap))?.data,
      `ConfigMap ${config.configMap} in ${join(config.dataDir, 'config')}`, logger,
    );
  await controllerConfigSource.start();
  if (kubeConfig) {
    archive = await openKubernetesArchive(kubeConfig, config.namespace, logger, {
      url: process.env.CAPSTAN_ARCHIVE_URL, persistence: parsePersistenceConfig(controllerConfigSource.current().persistence), where: controllerConfigSource.where,
    });
  }
  setArchive(archive?.archive);
  const archiver = archive ? createArchiver(archive, cluster, logger, config.mode === 'embedded') : undefined;
  let executor: PodExecutor;
  // http template headers from Secrets: the cluster's, or in embedded mode the manifests folder's.
  const readSecret = async (namespace: string, name: string, key: string) => (await configSource.secret(namespace, name))?.[key];
  const repositories = new ArtifactRepositories(configSource, { namespace: config.namespace, configMapName: config.configMap });
  const artifactRuntime = { secrets: configSource, ...(config.mode === 'embedded' ? { localRoot: join(config.dataDir, 'artifacts') } : {}) };
  setArtifactRuntime(artifactRuntime);
  // Argo's event recorder: the controllers' workflow and node Events and artifact GC's ArtifactGCFailed share it.
  const events = new EventRecorder(cluster, logger);
  const artifactCollector = new ArtifactCollector(artifactRuntime, logger, events);
  if (config.mode === 'embedded') {
    const runner = await createLocalRunner({
      dataDir: config.dataDir, sandbox: config.sandbox, logger,
      artifacts: { secrets: configSource, localRoot: join(config.dataDir, 'artifacts') },
    });
    executor = new InProcessTasks(new LocalPodExecutor(runner), {
      http: (workflow, pod, signal) => runHttpTask(workflow, pod, signal, readSecret),
      resource: (workflow, pod, signal) =>
        runEmbeddedResource(cluster, workflow, pod, signal, (request) => withManifestFromArtifact(workflow, request, artifactRuntime)),
      data: (workflow, pod) => runDataTask(workflow, pod, { secrets: configSource, localRoot: join(config.dataDir, 'artifacts') }),
    });
  } else {
    // Pods run Argo's own argoexec image; the pod informers run on every replica (logs are read through them).
    const kubeExecutor = new KubePodExecutor(kubeConfig!, {
      namespace: config.namespace, config: () => controllerConfigSource.current(), executorImage: config.executorImage, logger,
      reachability: (cluster as KubeCluster).reachability, startWindow: config.podStartWindow, writesWaiting: () => events.waiting > 0,
    });
    await kubeExecutor.start();
    executor = new InProcessTasks(kubeExecutor, {
      http: (workflow, pod, signal) => runHttpTask(workflow, pod, signal, readSecret),
      data: (workflow, pod) => runDataTask(workflow, pod, { secrets: configSource }),
    });
  }

  const customMetrics = new CustomMetrics((message) => logger.warn({ cause: 'MetricEmissionError' }, message));
  const controllerMetrics = new ControllerMetrics(() => (elector ? elector.isLeader : true));
  // The controllers run on the leader only; every replica serves the API and the dashboard.
  const deps = {
    config, cluster, executor, logger, archiver, repositories, artifactCollector, events, controllerConfig: () => controllerConfigSource.current(),
    reachability: kubeConfig ? (cluster as KubeCluster).reachability : undefined,
    ...(kubeConfig ? { watchNamespaceLimits: (apply: (namespace: string, limit: number | undefined) => void) => watchNamespaceLimits(kubeConfig, apply, logger) } : {}),
    // Semaphore ConfigMaps: the cluster's, or in embedded mode the same manifests folder as the artifact repositories.
    readConfigMap: kubeConfig
      ? kubeConfigMapReader(kubeConfig)
      : async (namespace: string, name: string) => (await configSource.configMap(namespace, name))?.data,
    memoCaches: kubeConfig ? kubeMemoCaches(kubeConfig) : storeMemoCaches(cluster),
    customMetrics,
    controllerMetrics,
  };
  // Build history lives beside the archive (docs/build-history.md); kubernetes mode without a database keeps a
  // local index instead, and says so on the jobs pages.
  const history = await openHistoryFor(config, cluster, archive, logger);
  setHistory(history);
  let running: RunningControllers | undefined;
  // The history indexer leads with the controllers: one replica numbers what others created and records phases.
  const startLeading = async () => {
    running = await startControllers(deps);
    await history.indexer.start().catch((error: unknown) => logger.error({ err: error }, 'build history indexer failed to start'));
  };
  const stopLeading = async () => {
    history.indexer.stop();
    const stopping = running;
    running = undefined;
    await stopping?.stop();
  };
  let elector: LeaderElector | undefined;
  if (kubeConfig && config.leaderElection && process.env.LEADER_ELECTION_DISABLE !== 'true') {
    const { identity, timing } = leaderElectionSettings(process.env);
    const lease = { namespace: config.namespace, name: leaseNameOf(controllerConfigSource.current().instanceID), identity };
    elector = new LeaderElector(kubeConfig, lease, timing, { onStartedLeading: startLeading, onStoppedLeading: stopLeading }, logger, (cluster as KubeCluster).reachability);
    elector.run();
  } else {
    await startLeading();
  }
  // The jobs home answers from memory (docs/build-history.md): its watches open now, not on the first visit.
  history.catalog.start();
  controllerConfigSource.onChange((next, previous) => {
    running?.workflow.configChanged(next);
    if (next.instanceID !== previous.instanceID) logger.warn('instanceID changed: restart Capstan to move leader election to the new lease');
    if (archiver && kubeConfig) {
      try {
        const persistence = parsePersistenceConfig(next.persistence);
        archiver.configure(archiverSettingsOf(persistence));
        if (JSON.stringify(persistence?.postgresql) !== JSON.stringify(archive?.persistence?.postgresql)) {
          logger.warn('persistence connection settings changed: restart Capstan to connect to the new database');
        }
      } catch (error) {
        logger.error({ err: error }, 'new persistence settings are invalid; keeping the previous ones');
      }
    } else if (kubeConfig && next.persistence && !previous.persistence) {
      logger.warn('persistence was added: restart Capstan to open the workflow archive');
    }
  });
  // --auth-mode=sso: the `sso` block of the controller ConfigMap, read at start as argo-server reads it.
  const sso = config.authModes.includes('sso')
    ? await openSso({ config, kubeConfig, configSource, controllerConfig: controllerConfigSource.current(), logger })
    : undefined;
  const metrics = createMetrics({
    workflowPhases: async () => countPhases((await cluster.listSummaries('workflows', config.mode === 'embedded' ? '' : config.namespace)).items),
    queue: () => running?.workflow.queueStats() ?? { depth: 0, busy: 0 },
    custom: customMetrics,
    controller: controllerMetrics,
  });
  const shutdown = new AbortController();
  setRuntime({
    config, cluster, executor, logger, startedAt: new Date(), controllerConfig: () => controllerConfigSource.current(),
    leadership: () => ({ leader: elector ? elector.isLeader : true, identity: elector?.identity }),
    metrics, shutdown: shutdown.signal, sso,
  });

  // One build serves any BASE_HREF: production runs on a copy of the build made for it (docs/embedding.md);
  // development mode compiles with the real base path directly.
  let app;
  if (config.dev) {
    process.env.CAPSTAN_NEXT_BASE_PATH = nextBasePath(config.baseHref);
    app = next({ dev: true, dir: root, hostname: 'localhost', port: config.port });
  } else {
    const preparing = Date.now();
    const prepared = await prepareBuild(root, config.baseHref, process.env.CAPSTAN_NEXT_RUNTIME_DIR || undefined);
    logger.debug({ dir: prepared.dir, ms: Date.now() - preparing }, 'build prepared for the base path');
    // As Next's own standalone server.js: the resolved config, not next.config.js, which would put the placeholder back.
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(prepared.config);
    app = next({ dev: false, dir: prepared.dir, conf: prepared.config as never, hostname: 'localhost', port: config.port });
  }
  await app.prepare();
  // Argo's API document, which checks every API request: read now, so a broken install stops here with the path.
  loadArgoApiDocs(serverFile('api/argo-swagger.json'));
  const handle = app.getRequestHandler();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const received = req.url ?? '/';
    req.url = toNextPath(received, config.baseHref);
    if (config.xFrameOptions) res.setHeader('X-Frame-Options', config.xFrameOptions);
    if (config.frameAncestors) res.setHeader('Content-Security-Policy', `frame-ancestors ${config.frameAncestors}`);
    if (config.secure && config.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    const path = received.split('?')[0] ?? '/';
    // The path within the app, without the base href (the proxy may or may not have removed it).
    const appPath = path.startsWith(config.baseHref) ? `/${path.slice(config.baseHref.length)}` : path;
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(appPath);
      metrics.observeRequest(req.method ?? 'GET', route, res.statusCode, seconds);
      // API calls at info, as argo-server logs its calls; assets, pages and probes only at debug.
      const level = res.statusCode >= 500 ? 'warn' : route.startsWith('/api') ? 'info' : 'debug';
      logger[level]({ method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000), remote: req.socket.remoteAddress }, 'request');
    });
    if (refuseMalformedApiRequest(req, res, req.url)) return;
    // Artifact downloads bypass Next.js: they stream gigabytes (server/artifacts/artifact-node-route.ts); so does the
    // workflow watch, which every open dashboard holds (server/api/workflow-events-node-route.ts).
    const url = () => new URL(received, `http://${req.headers.host ?? 'localhost'}`);
    const artifactRoute = req.method === 'GET' || req.method === 'HEAD' ? matchArtifactRoute(appPath) : undefined;
    const watchRoute = req.method === 'GET' ? matchWorkflowEventsRoute(appPath) : undefined;
    const served = artifactRoute
      ? serveArtifactRoute(req, res, url(), artifactRoute)
      : watchRoute
        ? serveWorkflowEvents(req, res, url(), watchRoute.namespace)
        : handle(req, res);
    served.catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 13, message: 'internal error' }));
    });
  };
  const tls = config.secure ? await loadOrCreateTls(config.dataDir, { cert: config.tlsCert, key: config.tlsKey }) : undefined;
  const listener = createListener(onRequest, tls && { ...tls, minVersion: config.tlsMinVersion });
  const server = listener.server;

  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      logger.fatal(`port ${config.port} is already in use (another Capstan or argo-server?): stop it or set PORT / --port`);
    } else logger.fatal({ err: error }, 'server error');
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const scheme = config.secure ? 'https' : 'http';
    logger.info(
      {
        mode: config.mode, version: versionInfo().version, baseHref: config.baseHref, authModes: config.authModes, tls: tls?.source,
        // Sized by scripts/start.sh to the memory limit (docs/deploy.md, "Memory").
        heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
      },
      `Capstan listening on ${scheme}://localhost:${config.port}${config.baseHref}`,
    );
    if (tls?.source.startsWith('self-signed')) {
      logger.info(`TLS with a self-signed certificate: browsers ask once to accept it; the argo CLI needs ARGO_SECURE=true ARGO_INSECURE_SKIP_VERIFY=true (or --tls-cert/--tls-key, or --secure=false behind a mesh)`);
    }
  });

  // Graceful shutdown, as Kubernetes expects on SIGTERM: /readyz fails at once, the listener closes, open streams
  // end cleanly (clients reconnect to another replica), requests in flight get up to 10 s to finish, then the
  // controllers and the store close. A second signal exits at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and streams');
    shutdown.abort();
    const drained = listener.close();
    listener.closeIdleConnections();
    const drainTimeout = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    void Promise.race([drained, drainTimeout])
      .then(() => {
        listener.closeAllConnections();
        setRuntime(undefined);
        setHistory(undefined);
        controllerConfigSource.stop();
        return Promise.allSettled([elector ? elector.stop() : stopLeading(), app.close()]);
      })
      .then(() => {
        history.catalog.close();
        return Promise.allSettled([archive?.archive.close(), cluster.close()]);
      })
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
    setTimeout(() => process.exit(0), 20_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`capstan: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
