/**
 * Build history at scale: one job with 100,000 archived builds (first page of history, stage view of the last 50,
 * trends over 1,000), and 1,000 jobs in 50 folders (the job list), in PGlite (embedded mode) and PostgreSQL
 * (kubernetes mode's archive; needs CAPSTAN_TEST_PG_URL from the test bed). Times are server time: the service
 * call a route handler makes, without HTTP. Argo has no build history; the nearest it does is its UI listing a
 * template's last 50 runs by label from the archive, which is measured with Argo's own query on the same data.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { KubeObject } from '@/lib/k8s/object';
import { type SqlSession, pgliteSession, pgPoolSession } from '@/server/archive/sql-session';
import { WorkflowArchive } from '@/server/archive/workflow-archive';
import { SqlResourceStore } from '@/server/cluster/sql-resource-store';
import { backfillBuilds } from '@/server/history/backfill';
import { SqlBuildStore } from '@/server/history/sql-build-store';
import type { History } from '@/server/history/history-runtime';
import { getJob, listBuilds, listJobs, stageView, trends } from '@/server/history/job-service';
import { SqlJobSettings } from '@/server/history/sql-job-settings';

const builds = Number(process.env.BENCH_BUILDS ?? 100_000);
const jobCount = 1000;
const folderCount = 50;
const job = { kind: 'workflowtemplates' as const, namespace: 'argo', name: 'build' };

// 100,000 archived runs of one template, 10 minutes apart, every tenth failed, four DAG tasks each, a branch parameter.
const archiveRows = (count: number) => `
  insert into argo_archived_workflows (clustername, instanceid, uid, name, namespace, phase, startedat, finishedat, creationtimestamp, workflow)
  select 'default', '', 'bench-' || i, 'build-' || i, 'argo', phase, started, started + make_interval(secs => 60 + i % 120), started,
    jsonb_build_object(
      'metadata', jsonb_build_object('name', 'build-' || i, 'namespace', 'argo', 'uid', 'bench-' || i, 'creationTimestamp', to_char(started, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'labels', jsonb_build_object('workflows.argoproj.io/workflow-template', 'build', 'workflows.argoproj.io/phase', phase)),
      'spec', jsonb_build_object('workflowTemplateRef', jsonb_build_object('name', 'build'),
        'arguments', jsonb_build_object('parameters', jsonb_build_array(jsonb_build_object('name', 'branch', 'value', case when i % 4 = 0 then 'main' else 'dev-' || (i % 7) end)))),
      'status', jsonb_build_object('phase', phase, 'startedAt', to_char(started, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'finishedAt', to_char(started + make_interval(secs => 60 + i % 120), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'nodes', jsonb_build_object('build-' || i, jsonb_build_object('id', 'build-' || i, 'name', 'build-' || i, 'displayName', 'build-' || i, 'type', 'DAG', 'phase', phase))
          || (select jsonb_object_agg('build-' || i || '-' || t, jsonb_build_object('id', 'build-' || i || '-' || t, 'name', 'build-' || i || '.' || t,
                'displayName', t, 'type', 'Pod', 'boundaryID', 'build-' || i, 'phase', case when t = 'deploy' and phase = 'Failed' then 'Failed' else 'Succeeded' end,
                'startedAt', to_char(started + make_interval(secs => k * 15), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'finishedAt', to_char(started + make_interval(secs => k * 15 + 10 + i % 5), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
              from unnest(array['compile', 'unit', 'integration', 'deploy']) with ordinality as s(t, k))))
  from (select i, timestamp '2024-01-01' + i * interval '10 minutes' as started, case when i % 10 = 0 then 'Failed' else 'Succeeded' end as phase
        from generate_series(1, ${count}) i) s`;

const labelRows = `insert into argo_archived_workflows_labels (clustername, uid, name, value)
  select 'default', uid, 'workflows.argoproj.io/workflow-template', 'build' from argo_archived_workflows where uid like 'bench-%'`;

// 20 builds for each of the 1,000 jobs, straight into the history tables.
const manyJobBuilds = `
  insert into capstan_builds (cluster_name, job_kind, job_namespace, job_name, number, uid, namespace, workflow_name, phase, started_at, finished_at, created_at, trigger, parameters)
  select 'default', 'workflowtemplates', 'argo', 'job-' || j, n, 'job-' || j || '-' || n, 'argo', 'job-' || j || '-' || n,
    case when (j + n) % 7 = 0 then 'Failed' else 'Succeeded' end, now() - make_interval(mins => 100 - n), now() - make_interval(mins => 99 - n), now(),
    '{"type":"cron"}'::jsonb, '[]'::jsonb
  from generate_series(1, ${jobCount}) j, generate_series(1, 20) n;
  insert into capstan_build_counters (cluster_name, job_kind, job_namespace, job_name, last_number, build_count)
  select 'default', 'workflowtemplates', 'argo', 'job-' || j, 20, 20 from generate_series(1, ${jobCount}) j`;

async function time<T>(runs: number, work: () => Promise<T>): Promise<{ median: number; max: number; result: T }> {
  let result = await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, max: samples.at(-1) ?? 0, result };
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

async function benchOn(label: string, session: SqlSession, cluster: SqlResourceStore): Promise<void> {
  const { archive } = await WorkflowArchive.open(session, { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
  const store = await SqlBuildStore.open(session, 'default');
  const history = { store, settings: await SqlJobSettings.open(session, 'default'), archive } as unknown as History;
  const template = (name: string, folder: string): KubeObject => ({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name, annotations: { 'capstan.io/folder': folder } },
    spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'branch', value: 'main' }] },
      templates: [{ name: 'main', dag: { tasks: ['compile', 'unit', 'integration', 'deploy'].map((t) => ({ name: t, template: 'leaf' })) } }, { name: 'leaf', container: { image: 'x' } }] },
  });
  await cluster.create('workflowtemplates', 'argo', template('build', 'ci'));

  let started = performance.now();
  await session.query(archiveRows(builds));
  await session.query(labelRows);
  console.log(`  ${label}: ${builds.toLocaleString('en')} archived builds written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const numbered = await backfillBuilds(store, [], '');
  console.log(`  ${label}: first sight numbered ${numbered.toLocaleString('en')} archived builds in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const now = new Date();
  const header = await time(20, () => getJob(cluster, history, job, now));
  const page = await time(20, () => listBuilds(cluster, history, job, { limit: 25 }, now));
  const deep = await time(20, () => listBuilds(cluster, history, job, { limit: 25, before: 50_000 }, now));
  started = performance.now();
  await stageView(cluster, history, job, 50, now);
  const stagesCold = performance.now() - started;
  const stages = await time(20, () => stageView(cluster, history, job, 50, now));
  const trend = await time(10, () => trends(cluster, history, job, 1000, [], now));
  const trendFiltered = await time(10, () => trends(cluster, history, job, 1000, [{ name: 'branch', value: 'main' }], now));
  const argoLast50 = await time(20, () => archive.list({
    namespace: 'argo', labels: [{ key: 'workflows.argoproj.io/workflow-template', operator: '=', values: ['build'] }], limit: 50, offset: 0, showRemainingItemCount: false,
  }));

  const cells = stages.result.builds[0]?.cells ?? [];
  if (page.result.items[0]?.number !== builds || stages.result.builds.length !== 50 || cells.length !== 4 || cells.some((c) => !c) || trend.result.points.length !== 1000) {
    throw new Error(`${label}: unexpected results (first ${page.result.items[0]?.number}, stage rows ${stages.result.builds.length}, points ${trend.result.points.length})`);
  }
  console.log(`  ${label}: job header                       ${ms(header.median)} median, ${ms(header.max)} max`);
  console.log(`  ${label}: history, first page of 25        ${ms(page.median)} median, ${ms(page.max)} max`);
  console.log(`  ${label}: history, page at #50,000         ${ms(deep.median)} median, ${ms(deep.max)} max`);
  console.log(`  ${label}: stage view, last 50 (first call)  ${ms(stagesCold)} (reads 50 archived workflows' nodes once)`);
  console.log(`  ${label}: stage view, last 50              ${ms(stages.median)} median, ${ms(stages.max)} max`);
  console.log(`  ${label}: trends over 1,000                ${ms(trend.median)} median, ${ms(trend.max)} max`);
  console.log(`  ${label}: trends over 1,000, branch=main   ${ms(trendFiltered.median)} median, ${ms(trendFiltered.max)} max`);
  console.log(`  ${label}: Argo's query: last 50 runs by label from the archive ${ms(argoLast50.median)} median (no numbers, stages or statistics)`);

  started = performance.now();
  for (let i = 1; i <= jobCount; i++) {
    await cluster.create('workflowtemplates', 'argo', template(`job-${i}`, `group-${i % 5}/team-${i % folderCount}`));
  }
  await session.query(manyJobBuilds.split(';')[0]!);
  await session.query(manyJobBuilds.split(';')[1]!);
  await store.refreshMissingSummaries();
  console.log(`  ${label}: ${jobCount} jobs in ${folderCount} folders with 20 builds each created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const all = await time(10, () => listJobs(cluster, history, {}, now));
  const folder = await time(10, () => listJobs(cluster, history, { folder: 'group-1/team-1' }, now));
  if (all.result.items.length !== jobCount + 1 || all.result.folders.length !== 6) throw new Error(`${label}: job list has ${all.result.items.length} jobs, ${all.result.folders.length} top folders`);
  console.log(`  ${label}: job list, all 1,001 jobs + tree  ${ms(all.median)} median, ${ms(all.max)} max`);
  console.log(`  ${label}: job list, one folder (20 jobs)   ${ms(folder.median)} median, ${ms(folder.max)} max`);
}

/** Runs the build history benchmark in PGlite, then PostgreSQL when the test bed's is reachable. */
export async function benchBuildHistory(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'capstan-bench-history-'));
  const db = await PGlite.create(join(dir, 'db'));
  try {
    await benchOn('PGlite', pgliteSession(db), await SqlResourceStore.open(db, async () => {}));
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
  const url = process.env.CAPSTAN_TEST_PG_URL;
  if (!url) {
    console.log('  PostgreSQL: skipped (set CAPSTAN_TEST_PG_URL, e.g. from scripts/test-bed/test-cluster.sh env)');
    return;
  }
  const schema = `capstan_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  try {
    const session = pgPoolSession(pool);
    await benchOn('PostgreSQL', session, await SqlResourceStore.open(session));
  } finally {
    await pool.end();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
