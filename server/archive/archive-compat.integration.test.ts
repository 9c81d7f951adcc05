import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import { type CapstanProcess, freePort, startCapstan } from '../testing/capstan-process';
import { testBed, uniqueNamespace } from '../testing/test-bed';
import { until } from '../testing/until';
import { pgPoolSession } from './sql-session';
import { WorkflowArchive } from './workflow-archive';

// Two-way compatibility with Argo v3.7.9 on one PostgreSQL database. Argo's own workflow-controller (namespaced,
// in its own namespace, persistence on) migrates the database and archives what it runs; Capstan in kubernetes mode
// (its own namespace, the same persistence settings in its ConfigMap) continues the migration, archives what it
// runs, and serves both; Argo's own `argo server` (cluster-wide, reading the same ConfigMap settings) serves both
// too. Both servers must answer the same lists, gets and label queries.
const bed = testBed();
const archiveLabel = 'workflows.argoproj.io/workflow-archiving-status';
const oracleNs = uniqueNamespace('arch-oracle');
const capstanNs = uniqueNamespace('arch-capstan');
const dbArgo = `archive_argo_${Date.now()}`;
const dbFresh = `archive_fresh_${Date.now()}`;
const processes: Array<{ child: ChildProcess; output: () => string }> = [];
let cluster: KubeCluster;
let core: CoreV1Api;
let capstan: CapstanProcess;
let argoServer: string;
let admin: pg.Client;

function startProcess(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const started = { child, output: () => output };
  processes.push(started);
  return started;
}

/** Waits for `probe` to give a value (an error counts as not yet), showing `detail` (a process's output) on timeout. */
const waitFor = <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000, detail = () => ''): Promise<T> =>
  until(what, () => probe().catch(() => undefined), Boolean, { timeoutMs, intervalMs: 250, output: detail }) as Promise<T>;

function persistenceYaml(database: string, extra = ''): string {
  const url = new URL(bed.pgUrl());
  return [
    'archive: true',
    extra,
    'postgresql:',
    `  host: ${url.hostname}`,
    `  port: ${url.port}`,
    `  database: ${database}`,
    '  tableName: argo_workflows',
    '  userNameSecret: {name: argo-postgres-config, key: username}',
    '  passwordSecret: {name: argo-postgres-config, key: password}',
  ].filter(Boolean).join('\n');
}

async function prepareNamespace(namespace: string, data: Record<string, string>) {
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: 'argo-postgres-config' }, stringData: { username: 'postgres', password: 'unused' } },
  });
  await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'workflow-controller-configmap' }, data } });
}

const pgFor = (database: string) => {
  const url = new URL(bed.pgUrl());
  url.pathname = `/${database}`;
  return new pg.Pool({ connectionString: url.toString(), max: 2 });
};

beforeAll(async () => {
  const config = loadKubeConfig(bed.kubeconfig());
  cluster = new KubeCluster(config);
  core = config.makeApiClient(CoreV1Api);
  admin = new pg.Client({ connectionString: bed.pgUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbArgo}`);
  await admin.query(`CREATE DATABASE ${dbFresh}`);

  // Argo's controller first, so Capstan meets a database Argo migrated (to v3.7.9's last step, 66).
  const metricsPort = await freePort();
  await prepareNamespace(oracleNs, {
    metricsConfig: `enabled: true\nport: ${metricsPort}\n`,
    persistence: persistenceYaml(dbArgo),
  });
  const controllerBin = join(dirname(bed.argoBin()), 'workflow-controller-v3.7.9');
  const controller = startProcess(controllerBin, [
    '--kubeconfig', bed.kubeconfig(), '--namespaced', '--namespace', oracleNs, '--executor-image', 'quay.io/argoproj/argoexec:v3.7.9',
  ], { LEADER_ELECTION_IDENTITY: 'archive-test', DEFAULT_REQUEUE_TIME: '1s' });
  const argoDb = pgFor(dbArgo);
  await waitFor('Argo to migrate the database', async () => {
    const { rows } = await argoDb.query<{ v: number }>('select schema_version as v from schema_history');
    return rows[0]?.v === 66;
  }, 60_000, controller.output);
  await argoDb.end();
  await waitFor('the oracle controller to lead', async () => controller.output().includes('successfully acquired lease'), 60_000, controller.output);

  // Capstan, with the same persistence (and a label selector), archiving what its own controller runs.
  await prepareNamespace(capstanNs, {
    persistence: persistenceYaml(dbArgo, 'archiveLabelSelector: {matchExpressions: [{key: skip-archive, operator: DoesNotExist}]}'),
  });
  capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', capstanNs], {
    KUBECONFIG: bed.kubeconfig(),
  });

  // Argo's server, cluster-wide so it sees both namespaces, configured from the oracle's ConfigMap.
  const serverPort = await freePort();
  argoServer = `127.0.0.1:${serverPort}`;
  const server = startProcess(bed.argoBin(), [
    'server', '--kubeconfig', bed.kubeconfig(), '--auth-mode', 'server', '--secure=false', '--port', String(serverPort), '--namespace', oracleNs,
  ]);
  await waitFor('argo server', async () => (await fetch(`http://${argoServer}/api/v1/version`)).ok, 60_000, server.output);
});

afterAll(async () => {
  await capstan?.stop();
  for (const { child } of processes) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
  for (const ns of [oracleNs, capstanNs]) await core?.deleteNamespace({ name: ns }).catch(() => {});
  for (const db of [dbArgo, dbFresh]) await admin?.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => {});
  await admin?.end();
});

const workflow = (generateName: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName, labels },
  spec: {
    entrypoint: 'main',
    arguments: { parameters: [{ name: 'who', value: 'world' }] },
    templates: [
      { name: 'main', steps: [[{ name: 'one', template: 'echo' }], [{ name: 'two', template: 'echo' }]] },
      { name: 'echo', container: { image: 'busybox', command: ['echo', 'hi'] } },
    ],
  },
});

/** Creates a workflow and waits until its controller has archived it (or, with `expectArchived` false, completed it). */
async function runToArchive(namespace: string, wf: KubeObject, expectArchived = true): Promise<Workflow & KubeObject> {
  const created = await cluster.create('workflows', namespace, wf);
  const name = created.metadata.name ?? '';
  return waitFor(`${namespace}/${name} to be archived`, async () => {
    const current = await cluster.get<Workflow & KubeObject>('workflows', namespace, name);
    const labels = current.metadata.labels ?? {};
    if (expectArchived ? labels[archiveLabel] === 'Archived' : labels['workflows.argoproj.io/completed'] === 'true') return current;
    return undefined;
  }, 90_000, () => capstan.output());
}

/** Argo re-encodes through Go structs, which adds empty values (`inputs: {}`, `name: ""`): compare without them. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withoutEmpty(v)] as const);
  return Object.fromEntries(entries.filter(([, v]) => v !== '' && !(typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).length)));
}

const cli = (server: string, args: string[]) => argoCli(bed.argoBin(), server, args).then((r) => r.stdout);
const capstanServer = () => capstan.url.replace('http://', '');
const getJson = async (server: string, path: string) => {
  const response = await fetch(`http://${server}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('schema', () => {
  it("continues Argo's migration to v4.1.2's last step, and a fresh migration gives the same schema", async () => {
    const argoDb = pgFor(dbArgo);
    const fresh = pgFor(dbFresh);
    try {
      expect((await argoDb.query('select schema_version from schema_history')).rows).toEqual([{ schema_version: 68 }]);
      const { schemaVersion } = await WorkflowArchive.open(pgPoolSession(fresh), { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
      expect(schemaVersion).toBe(68);
      // Argo's schema only: Capstan keeps its build history in capstan_* tables beside it (docs/build-history.md).
      const describeSchema = async (db: pg.Pool) => ({
        columns: (await db.query(`select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
          from information_schema.columns where table_schema = 'public' and table_name not like 'capstan\\_%'
          order by table_name, column_name`)).rows,
        indexes: (await db.query(`select indexname, indexdef from pg_indexes where schemaname = 'public'
          and tablename not like 'capstan\\_%' order by indexname`)).rows,
        constraints: (await db.query(`select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint
          where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'capstan\\_%' order by conname`)).rows,
      });
      const [migratedByBoth, migratedByCapstan] = [await describeSchema(argoDb), await describeSchema(fresh)];
      expect(migratedByCapstan).toEqual(migratedByBoth);
      expect(migratedByBoth.indexes.map((i: { indexname: string }) => i.indexname)).toContain('argo_archived_workflows_i1');
    } finally {
      await argoDb.end();
      await fresh.end();
    }
  });
});

describe('Argo archives, Capstan reads', () => {
  let archived: Workflow & KubeObject;
  beforeAll(async () => {
    archived = await runToArchive(oracleNs, workflow('by-argo-', { team: 'oracle' }));
  });

  it('lists, gets and answers label queries for a workflow Argo archived', async () => {
    const uid = archived.metadata.uid ?? '';
    expect(await cli(capstanServer(), ['archive', 'list', '-n', oracleNs, '-o', 'name'])).toContain(archived.metadata.name);
    const got = await cli(capstanServer(), ['archive', 'get', uid, '-o', 'json']);
    const wf = JSON.parse(got) as Workflow;
    expect(wf.metadata.name).toBe(archived.metadata.name);
    expect(wf.status?.phase).toBe('Succeeded');
    expect(Object.keys(wf.status?.nodes ?? {})).toHaveLength(Object.keys(archived.status?.nodes ?? {}).length);
    expect(wf.metadata.labels?.[archiveLabel]).toBe('Persisted');
    expect(await cli(capstanServer(), ['archive', 'list-label-values', '-l', 'team'])).toContain('oracle');
  });
});

describe('Capstan archives, Argo reads', () => {
  let archived: Workflow & KubeObject;
  beforeAll(async () => {
    archived = await runToArchive(capstanNs, workflow('by-capstan-', { team: 'capstan' }));
  });

  it("argo server lists and gets a workflow Capstan's controller archived", async () => {
    expect(archived.metadata.labels?.[archiveLabel]).toBe('Archived');
    expect(await cli(argoServer, ['archive', 'list', '-n', capstanNs, '-o', 'name'])).toContain(archived.metadata.name);
    const wf = JSON.parse(await cli(argoServer, ['archive', 'get', archived.metadata.uid ?? '', '-o', 'json'])) as Workflow;
    expect(wf.metadata.name).toBe(archived.metadata.name);
    expect(wf.status?.phase).toBe('Succeeded');
    expect(withoutEmpty(wf.status?.nodes)).toEqual(withoutEmpty(archived.status?.nodes));
    expect(withoutEmpty(wf.spec)).toEqual(withoutEmpty(archived.spec));
    expect(await cli(argoServer, ['archive', 'list-label-values', '-l', 'team'])).toContain('capstan');
  });

  it('honours archiveLabelSelector: an excluded workflow is neither archived nor labelled', async () => {
    const skipped = await runToArchive(capstanNs, workflow('skipped-', { 'skip-archive': 'yes' }), false);
    await new Promise((r) => setTimeout(r, 1000));
    const current = await cluster.get<Workflow & KubeObject>('workflows', capstanNs, skipped.metadata.name ?? '');
    expect(current.metadata.labels?.[archiveLabel]).toBeUndefined();
    expect((await getJson(capstanServer(), `/api/v1/archived-workflows/${skipped.metadata.uid}`)).status).toBe(404);
  });
});

// Label keys and values come in no particular order. List summaries carry `spec.arguments` since Argo v4 (Capstan
// serves v4.1.2's API); the v3.7.9 oracle leaves them out.
function comparable(body: Record<string, unknown>) {
  const items = body['items'];
  if (!Array.isArray(items)) return body;
  if (typeof items[0] === 'string') return { ...body, items: [...(items as string[])].sort() };
  return { ...body, items: (items as Workflow[]).map((w) => ({ ...w, spec: { ...w.spec, arguments: {} } })) };
}

describe('both servers answer alike', () => {
  const queries = [
    '/api/v1/archived-workflows',
    `/api/v1/archived-workflows?namespace=${capstanNs}`,
    '/api/v1/archived-workflows?namePrefix=by-argo-',
    '/api/v1/archived-workflows?listOptions.labelSelector=workflows.argoproj.io/phase%3DSucceeded,team',
    '/api/v1/archived-workflows?listOptions.labelSelector=team%20notin%20(capstan)',
    '/api/v1/archived-workflows?listOptions.limit=1',
    '/api/v1/archived-workflows?listOptions.limit=1&listOptions.continue=1',
    '/api/v1/archived-workflows?listOptions.fieldSelector=metadata.name%3Dnope',
    '/api/v1/archived-workflows-label-values?listOptions.labelSelector=team',
    '/api/v1/archived-workflows/no-such-uid',
    '/api/v1/archived-workflows?listOptions.continue=x',
    '/api/v1/archived-workflows-label-values?listOptions.labelSelector=a,b',
  ];

  it.each(queries)('%s', async (path) => {
    const [ours, theirs] = await Promise.all([getJson(capstanServer(), path), getJson(argoServer, path)]);
    expect(ours.status).toBe(theirs.status);
    expect(comparable(ours.body)).toEqual(comparable(theirs.body));
  });

  it('label keys', async () => {
    const [ours, theirs] = await Promise.all([
      getJson(capstanServer(), '/api/v1/archived-workflows-label-keys'), getJson(argoServer, '/api/v1/archived-workflows-label-keys'),
    ]);
    expect((ours.body['items'] as string[]).sort()).toEqual((theirs.body['items'] as string[]).sort());
  });
});
