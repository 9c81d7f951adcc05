import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { JobSummary } from '@/lib/history/job-summary';
import type { KubeObject } from '@/lib/k8s/object';
import { type SqlSession, pgliteSession, pgPoolSession } from '../archive/sql-session';
import { WorkflowArchive } from '../archive/workflow-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { SqlResourceStore } from '../cluster/sql-resource-store';
import { createLogger } from '../logger';
import { submitWorkflow } from '../services/workflow-service';
import { testBed, uniqueNamespace } from '../testing/test-bed';
import { type History, setHistory } from './history-runtime';
import { listJobs } from './job-service';
import { openHistory } from './open-history';

// The jobs home's catalog in memory (server/history/job-catalog.ts) on real stores: embedded mode's PGlite and
// kube-apiserver with the test bed's PostgreSQL. Every change to a template, a CronWorkflow, a cluster template or
// a build must show in the next list: through the watches, and in kubernetes mode also after the watch's connection
// to the API server is cut and comes back (through a TCP proxy the test cuts: the kube-apiserver itself stays up).
const logger = createLogger('warn');
type WorkflowObject = Workflow & KubeObject;

interface Backend {
  /** Capstan's own cluster port, which the catalog watches through. */
  cluster: ClusterPort;
  /** Another client of the same cluster (kubectl's place): its changes reach Capstan only through the watches. */
  other: ClusterPort;
  session: SqlSession;
  namespace: string;
  /** Kubernetes mode: drops every connection to the API server and refuses new ones until `restore`. */
  cut?(): void;
  restore?(): void;
  close(): Promise<void>;
}

const suffix = Date.now().toString(36);
const template = (name: string, folder: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name, annotations: { 'capstan.io/folder': folder } },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['true'] } }] },
} as unknown as KubeObject);
const cron = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name, annotations: { 'capstan.io/folder': 'nightly' } },
  spec: { schedules: ['0 3 * * *'], workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['true'] } }] } },
} as unknown as KubeObject);
const clusterTemplateName = `shared-catalog-${suffix}`;

function catalogSuite(name: string, make: () => Promise<Backend>) {
  describe(name, () => {
    let backend: Backend;
    let history: History;
    const list = async (query = {}) => listJobs(backend.cluster, history, query, new Date());
    const job = async (jobName: string) => (await list()).items.find((j) => j.name === jobName);
    const names = async () => (await list()).items.filter((j) => j.name.startsWith('catalog-') && j.namespace === backend.namespace).map((j) => `${j.kind}/${j.name}@${j.folder}`);
    const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

    beforeAll(async () => {
      backend = await make();
      await backend.other.create('workflowtemplates', backend.namespace, template('catalog-build', 'team-a'));
      const { archive } = await WorkflowArchive.open(backend.session, { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
      history = await openHistory(archive, backend.cluster, logger, { namespace: backend.namespace, buildsToKeep: 0 });
      await history.indexer.start();
      history.catalog.start();
      setHistory(history);
    });
    afterAll(async () => {
      history?.indexer.stop();
      history?.catalog.close();
      setHistory(undefined);
      await backend?.other.delete('clusterworkflowtemplates', '', clusterTemplateName).catch(() => {});
      await backend?.close();
    });

    it('lists the jobs that existed before it started', async () => {
      await poll(names).toEqual([`workflowtemplates/catalog-build@team-a`]);
    });

    it('follows templates, CronWorkflows and cluster templates as they are created, changed and deleted', async () => {
      await backend.other.create('workflowtemplates', backend.namespace, template('catalog-deploy', 'team-b'));
      await backend.other.create('cronworkflows', backend.namespace, cron('catalog-nightly'));
      await backend.other.create('clusterworkflowtemplates', '', { ...template(clusterTemplateName, 'shared'), kind: 'ClusterWorkflowTemplate' });
      // In the home's order: by folder first.
      await poll(names).toEqual([
        'cronworkflows/catalog-nightly@nightly',
        'workflowtemplates/catalog-build@team-a',
        'workflowtemplates/catalog-deploy@team-b',
      ]);
      expect(await job(clusterTemplateName)).toMatchObject({ kind: 'clusterworkflowtemplates', namespace: '', folder: 'shared' });
      expect(await job('catalog-nightly')).toMatchObject({ schedule: '0 3 * * *', suspended: false, nextRun: expect.any(String) });

      const deploy = await backend.other.get<KubeObject>('workflowtemplates', backend.namespace, 'catalog-deploy');
      await backend.other.update('workflowtemplates', backend.namespace, { ...deploy, metadata: { ...deploy.metadata, annotations: { 'capstan.io/folder': 'team-a/deploy' } } });
      const nightly = await backend.other.get<KubeObject>('cronworkflows', backend.namespace, 'catalog-nightly');
      await backend.other.update('cronworkflows', backend.namespace, { ...nightly, spec: { ...(nightly['spec'] as object), suspend: true } });
      await poll(async () => (await job('catalog-deploy'))?.folder).toBe('team-a/deploy');
      await poll(async () => (await job('catalog-nightly'))?.suspended).toBe(true);
      expect((await list({ folder: 'team-a', namespace: backend.namespace })).items.map((j) => j.name)).toEqual(['catalog-build', 'catalog-deploy']);

      await backend.other.delete('workflowtemplates', backend.namespace, 'catalog-deploy');
      await backend.other.delete('clusterworkflowtemplates', '', clusterTemplateName);
      await poll(names).toEqual(['cronworkflows/catalog-nightly@nightly', 'workflowtemplates/catalog-build@team-a']);
      await poll(() => job(clusterTemplateName)).toBeUndefined(); // its own watch: may come after the namespaced ones
    });

    it('shows a new build at once, and its phase as the workflow changes', async () => {
      const submitted = await submitWorkflow(backend.cluster, backend.namespace, { resourceKind: 'WorkflowTemplate', resourceName: 'catalog-build' }, { via: 'user' });
      // Numbered by this process before it answered: the next list has it, without waiting for any watch.
      expect(await job('catalog-build')).toMatchObject({ lastBuild: { number: 1 }, nextNumber: 2, buildCount: 1 });
      // The phase comes from the workflow (another writer: the controller), through the indexer.
      const current = await backend.other.get<WorkflowObject>('workflows', backend.namespace, submitted.metadata.name ?? '');
      await backend.other.update('workflows', backend.namespace, {
        ...current, status: { phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z', nodes: {} },
      } as WorkflowObject);
      await poll(async () => (await job('catalog-build'))?.lastSuccess?.number).toBe(1);
      expect(await job('catalog-build')).toMatchObject({ lastBuild: { number: 1, phase: 'Succeeded', durationSeconds: 60 }, health: { weather: 'sunny' } });
      expect((await list({ lastStatus: ['Succeeded'], namespace: backend.namespace })).items.map((j) => j.name)).toContain('catalog-build');
    });

    it('shows what another replica numbered (this process leads; the other only serves the API)', async () => {
      const { archive } = await WorkflowArchive.open(backend.session, { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
      const follower = await openHistory(archive, backend.other, logger, { namespace: backend.namespace, buildsToKeep: 0 });
      try {
        // The other replica's API creates and numbers a build (as numberCreated does there).
      const created = await backend.other.create<WorkflowObject>('workflows', backend.namespace, {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'catalog-build-' }, spec: { workflowTemplateRef: { name: 'catalog-build' } },
      } as WorkflowObject);
      expect((await follower.numberer.number(created)).numbered?.number).toBe(2);
        // This process (the leader) hears of it through its indexer's watch.
        await poll(async () => (await job('catalog-build'))?.lastBuild?.number).toBe(2);
        // The follower does not see every write, so it reads the summaries from the database: current at once.
        const fromFollower = await listJobs(backend.other, follower, {}, new Date());
        expect(fromFollower.items.find((j) => j.name === 'catalog-build')).toMatchObject({ lastBuild: { number: 2 }, nextNumber: 3 });
      } finally {
        follower.catalog.close();
      }
    });

    it('stays current across a cut connection to the API server (kubernetes mode)', async (context) => {
      if (!backend.cut || !backend.restore) return context.skip();
      backend.cut();
      // While cut, others change the cluster; the catalog still answers from memory.
      await backend.other.create('workflowtemplates', backend.namespace, template('catalog-during-cut', 'team-c'));
      const build = await backend.other.get<KubeObject>('workflowtemplates', backend.namespace, 'catalog-build');
      await backend.other.update('workflowtemplates', backend.namespace, { ...build, metadata: { ...build.metadata, annotations: { 'capstan.io/folder': 'team-a/moved' } } });
      await backend.other.delete('cronworkflows', backend.namespace, 'catalog-nightly');
      expect(await names()).toEqual(['cronworkflows/catalog-nightly@nightly', 'workflowtemplates/catalog-build@team-a']);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      backend.restore();
      await poll(names).toEqual(['workflowtemplates/catalog-build@team-a/moved', 'workflowtemplates/catalog-during-cut@team-c']);
      // And the watch goes on after the reconnect.
      await backend.other.create('workflowtemplates', backend.namespace, template('catalog-after-cut', 'team-c'));
      await poll(async () => (await list({ folder: 'team-c', namespace: backend.namespace })).items.map((j: JobSummary) => j.name)).toEqual(['catalog-after-cut', 'catalog-during-cut']);
    });
  });
}

catalogSuite('embedded mode (PGlite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'capstan-catalog-'));
  const db = await PGlite.create(dir);
  const store = await SqlResourceStore.open(db, () => db.close());
  return {
    namespace: 'argo', cluster: store, other: store, session: pgliteSession(db),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/** A TCP proxy to the API server whose connections the test can cut (a network fault; the API server stays up). */
async function cuttableProxy(target: URL): Promise<{ server: Server; url: string; cut(): void; restore(): void }> {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((incoming) => {
    if (refusing) return incoming.destroy();
    const outgoing = connect(Number(target.port || 443), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server, url: `https://127.0.0.1:${port}`,
    cut() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
  };
}

catalogSuite('kubernetes mode (kube-apiserver, PostgreSQL)', async () => {
  const bed = testBed();
  const namespace = uniqueNamespace('catalog');
  const schema = `capstan_catalog_${suffix}`;
  const config = loadKubeConfig(bed.kubeconfig());
  const core = config.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const admin = new pg.Client({ connectionString: bed.pgUrl() });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: bed.pgUrl(), max: 4, options: `-c search_path=${schema}` });
  // Capstan's own client reaches the API server through the proxy; the other client directly.
  const proxy = await cuttableProxy(new URL(config.getCurrentCluster()!.server));
  const proxied = new KubeConfig();
  proxied.loadFromString(config.exportConfig());
  proxied.clusters = proxied.clusters.map((c) => (c.name === config.getCurrentCluster()!.name ? { ...c, server: proxy.url, skipTLSVerify: true } : c));
  const cluster = new KubeCluster(proxied, undefined, { cacheWorkflows: true });
  const other = new KubeCluster(config);
  return {
    namespace, cluster, other, session: pgPoolSession(pool), cut: proxy.cut, restore: proxy.restore,
    async close() {
      await cluster.close();
      await other.close();
      proxy.server.close();
      await pool.query(`drop schema ${schema} cascade`).catch(() => {});
      await pool.end();
      await core.deleteNamespace({ name: namespace }).catch(() => {});
    },
  };
});
