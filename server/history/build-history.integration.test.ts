import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
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
import { openHistory } from './open-history';

// Numbering and history on real stores: the embedded PGlite with its SQL resource store, and kube-apiserver with
// the test bed's PostgreSQL. "Restart" closes every history object and opens new ones on the same data.
const logger = createLogger('warn');
type WorkflowObject = Workflow & KubeObject;

interface Backend {
  cluster: ClusterPort;
  session: SqlSession;
  namespace: string;
  /** Closes and reopens the backend's connections (a Capstan restart). */
  restart(): Promise<void>;
}

const template = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate',
  metadata: { name, annotations: { 'capstan.io/folder': 'team-a/backend' } },
  spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'branch', value: 'main' }] },
    templates: [{ name: 'main', steps: [[{ name: 'build', template: 'leaf' }], [{ name: 'test', template: 'leaf' }]] }, { name: 'leaf', container: { image: 'busybox' } }] },
});

const numberOf = (w: KubeObject) => Number(w.metadata.labels?.['capstan.io/build-number']);

async function open(backend: Backend): Promise<{ history: History; archive: WorkflowArchive }> {
  const { archive } = await WorkflowArchive.open(backend.session, { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
  const history = await openHistory(archive, backend.cluster, logger, { namespace: backend.namespace, buildsToKeep: 0 });
  await history.indexer.start();
  setHistory(history);
  return { history, archive };
}

function numberingSuite(name: string, make: () => Promise<Backend & { close(): Promise<void> }>) {
  describe(name, () => {
    let backend: Backend & { close(): Promise<void> };
    let history: History;
    let archive: WorkflowArchive;
    const job = { kind: 'workflowtemplates' as const, namespace: '', name: 'build' };

    beforeAll(async () => {
      backend = await make();
      job.namespace = backend.namespace;
      await backend.cluster.create('workflowtemplates', backend.namespace, template('build'));
      // A build from before Capstan: archived (not in the cluster), started before everything else.
      const old: WorkflowObject = {
        metadata: { name: 'build-old', namespace: backend.namespace, uid: `old-${Date.now()}`, labels: { 'workflows.argoproj.io/workflow-template': 'build' },
          creationTimestamp: '2020-01-01T00:00:00Z' },
        spec: { workflowTemplateRef: { name: 'build' } },
        status: { phase: 'Succeeded', startedAt: '2020-01-01T00:00:00Z', finishedAt: '2020-01-01T00:01:00Z', nodes: {} },
      } as WorkflowObject;
      const { archive: first } = await WorkflowArchive.open(backend.session, { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
      await first.archive(old);
      ({ history, archive } = await open(backend));
    });
    afterAll(async () => {
      history?.indexer.stop();
      setHistory(undefined);
      await backend?.close();
    });

    it('numbers a pre-existing archived build on first sight, before anything new', async () => {
      const [first] = await history.store.page(job, 1, 2);
      expect(first).toMatchObject({ number: 1, workflowName: 'build-old', archived: true, live: false, phase: 'Succeeded' });
    });

    it('gives 20 concurrent submits 20 consecutive numbers, written on the workflows', async () => {
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        submitWorkflow(backend.cluster, backend.namespace, { resourceKind: 'WorkflowTemplate', resourceName: 'build', submitOptions: { parameters: [`branch=b${i}`] } }, { via: 'user' })));
      const numbers = created.map((w) => numberOf(w as KubeObject)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      const listed = await backend.cluster.list('workflows', backend.namespace);
      expect(listed.items.map(numberOf).sort((a, b) => a - b)).toEqual(numbers);
      const page = await history.store.page(job, 5);
      expect(page.map((b) => b.number)).toEqual([21, 20, 19, 18, 17]);
      expect(page[0]?.trigger).toEqual({ type: 'user' });
      expect(page[0]?.parameters.find((p) => p.name === 'branch')?.value).toMatch(/^b\d+$/);
      const summary = (await history.store.summaries([job])).values().next().value;
      expect(summary).toMatchObject({ lastNumber: 21, buildCount: 21, lastSuccess: { number: 1 } });
      expect(summary?.recent.map((b) => b.number)).toEqual([21, 20, 19, 18, 17]);
    });

    it('numbers workflows created directly (kubectl) with workflowTemplateRef, and labels their job', async () => {
      await Promise.all(Array.from({ length: 3 }, () => backend.cluster.create('workflows', backend.namespace, {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'by-kubectl-' }, spec: { workflowTemplateRef: { name: 'build' } },
      })));
      await expect.poll(async () => (await history.store.page(job, 3)).map((b) => b.number), { timeout: 15_000 }).toEqual([24, 23, 22]);
      await history.indexer.idle();
      const labelled = await backend.cluster.list('workflows', backend.namespace, { labelSelector: 'capstan.io/build-number=24' });
      expect(labelled.items[0]?.metadata.labels).toMatchObject({ 'workflows.argoproj.io/workflow-template': 'build' });
      expect(JSON.parse(labelled.items[0]?.metadata.annotations?.['capstan.io/trigger'] ?? '{}')).toEqual({ type: 'kubectl' });
    });

    it('keeps counting without gaps or repeats across a restart', async () => {
      history.indexer.stop();
      await backend.restart();
      ({ history, archive } = await open(backend));
      const created = await Promise.all(Array.from({ length: 5 }, () =>
        submitWorkflow(backend.cluster, backend.namespace, { resourceKind: 'WorkflowTemplate', resourceName: 'build' }, { via: 'cli' })));
      expect(created.map((w) => numberOf(w as KubeObject)).sort((a, b) => a - b)).toEqual([25, 26, 27, 28, 29]);
      const all = [];
      for (let before: number | undefined; ;) {
        const page = await history.store.page(job, 7, before);
        all.push(...page.map((b) => b.number));
        if (page.length < 7) break;
        before = page.at(-1)?.number;
      }
      expect(all).toEqual(Array.from({ length: 29 }, (_, i) => 29 - i));
    });

    it('still shows a build that was archived and then deleted from the cluster', async () => {
      const [build] = await history.store.page(job, 1);
      const live = await backend.cluster.get<WorkflowObject>('workflows', backend.namespace, build!.workflowName);
      await archive.archive({ ...live, status: { phase: 'Failed', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:30Z', nodes: {} } } as WorkflowObject);
      await backend.cluster.delete('workflows', backend.namespace, build!.workflowName);
      await expect.poll(async () => (await history.store.get(job, build!.number))?.live, { timeout: 15_000 }).toBe(false);
      expect(await history.store.get(job, build!.number)).toMatchObject({ archived: true, live: false, workflowName: build!.workflowName });
      // The indexer saw the archived phase only if the live workflow had it; the store's summary follows its rows.
      await history.store.update(build!.uid, { phase: 'Failed', message: null, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:30Z' });
      const summary = (await history.store.summaries([job])).values().next().value;
      expect(summary?.lastFailure).toMatchObject({ number: build!.number, phase: 'Failed' });
    });

    it('numbers scheduled runs of a CronWorkflow as its own job, triggered by cron', async () => {
      const scheduled = await backend.cluster.create<WorkflowObject>('workflows', backend.namespace, {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow',
        metadata: { generateName: 'nightly-', labels: { 'workflows.argoproj.io/cron-workflow': 'nightly' },
          annotations: { 'workflows.argoproj.io/scheduled-time': '2026-01-01T03:00:00Z' } },
        spec: { workflowTemplateRef: { name: 'build' } },
      } as WorkflowObject);
      await expect.poll(async () => (await history.store.byUid(scheduled.metadata.uid ?? ''))?.number, { timeout: 15_000 }).toBe(1);
      expect(await history.store.byUid(scheduled.metadata.uid ?? '')).toMatchObject({
        job: { kind: 'cronworkflows', namespace: backend.namespace, name: 'nightly' }, trigger: { type: 'cron', scheduledTime: '2026-01-01T03:00:00Z' },
      });
    });

    it('renumbers a retried copy of an archived build as a new build that says what it retries', async () => {
      const copy = await backend.cluster.create<WorkflowObject>('workflows', backend.namespace, {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow',
        metadata: { generateName: 'copy-', labels: { 'capstan.io/build-number': '2', 'workflows.argoproj.io/workflow-template': 'build' } },
        spec: { workflowTemplateRef: { name: 'build' } },
      } as WorkflowObject);
      await expect.poll(async () => (await history.store.byUid(copy.metadata.uid ?? ''))?.number, { timeout: 15_000 }).toBe(30);
      expect((await history.store.byUid(copy.metadata.uid ?? ''))?.trigger).toEqual({ type: 'retry', retryOf: 2 });
    });
  });
}

numberingSuite('embedded mode (PGlite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'capstan-history-'));
  const state: { db?: PGlite; store?: SqlResourceStore } = {};
  const backend = {
    namespace: 'argo',
    get cluster() { return state.store!; },
    get session() { return pgliteSession(state.db!); },
    async restart() {
      await state.store?.close();
      state.db = await PGlite.create(dir);
      state.store = await SqlResourceStore.open(state.db, () => state.db!.close());
    },
    async close() {
      await state.store?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  state.db = await PGlite.create(dir);
  state.store = await SqlResourceStore.open(state.db, () => state.db!.close());
  return backend;
});

numberingSuite('kubernetes mode (kube-apiserver, PostgreSQL)', async () => {
  const bed = testBed();
  const namespace = uniqueNamespace('history');
  const schema = `capstan_history_${Date.now()}`;
  const config = loadKubeConfig(bed.kubeconfig());
  const core = config.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const admin = new pg.Client({ connectionString: bed.pgUrl() });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const newPool = () => new pg.Pool({ connectionString: bed.pgUrl(), max: 4, options: `-c search_path=${schema}` });
  let pool = newPool();
  let cluster = new KubeCluster(config);
  return {
    namespace,
    get cluster() { return cluster; },
    get session() { return pgPoolSession(pool); },
    async restart() {
      await cluster.close();
      await pool.end();
      pool = newPool();
      cluster = new KubeCluster(config);
    },
    async close() {
      await cluster.close();
      await pool.query(`drop schema ${schema} cascade`).catch(() => {});
      await pool.end();
      await core.deleteNamespace({ name: namespace }).catch(() => {});
    },
  };
});
