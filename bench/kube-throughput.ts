/**
 * Kubernetes mode against Argo v3.7.9's workflow-controller on the same test bed (kube-apiserver + kwok), in the
 * same run, with the same creator: N one-pod workflows created at once (completed per minute, peak RSS), and one
 * DAG of T tasks fanned out from a root and into a sink (time to Succeeded). Each contender gets a fresh namespace
 * and runs alone; the namespace is deleted before the next one starts.
 *
 *   WITH_ARGO=1 scripts/test-bed/test-cluster.sh up && eval "$(scripts/test-bed/test-cluster.sh env)"
 *   npx tsx bench/kube-throughput.ts [workflows|dag|all] [count=1000] [tasks=2000]
 *   npx tsx bench/kube-throughput.ts bed [pods=2001]   (the bed's pod simulation alone, no controller)
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { CoreV1Api, CustomObjectsApi, type KubeConfig, type KubernetesListObject, type KubernetesObject, makeInformer } from '@kubernetes/client-node';
import type { Workflow } from '@/lib/generated/argo';
import { loadKubeConfig } from '@/server/cluster/kube-cluster';
import { startArgoController } from '@/server/testing/argo-controller';
import { startCapstan } from '@/server/testing/capstan-process';
import { kubeModeFlags } from '@/server/testing/kube-mode';
import { testBed, uniqueNamespace } from '@/server/testing/test-bed';
import { followInformer } from './follow-informer';
import { fanOutDag } from './fan-out-dag';
import { timelineRow, watchPods } from './pod-timeline';
import { mib, samplePeakRss, treeCpuSeconds, treeRss } from './process-rss';

const group = 'argoproj.io';
const version = 'v1alpha1';
const plural = 'workflows';
const finished = new Set(['Succeeded', 'Failed', 'Error']);

interface Contender {
  name: string;
  start: (config: KubeConfig, core: CoreV1Api, namespace: string) => Promise<{ pid: number; stop: () => Promise<void>; output: () => string; url?: string; exited: Promise<never> }>;
}

const argo = (name: string, flags: string[] = [], archiveTo?: string): Contender => ({
  name,
  start: async (_config, core, namespace) => {
    const configData = archiveTo ? { persistence: await argoPersistence(core, namespace, archiveTo) } : undefined;
    const controller = await startArgoController(core, namespace, { flags, ...(configData ? { configData } : {}) });
    return { pid: controller.child.pid ?? 0, stop: controller.stop, output: controller.output, exited: exitOf(name, controller.child, controller.output) };
  },
});
/** Argo's `persistence` setting for the PostgreSQL at `url`, with the Secret it names created in `namespace`. */
async function argoPersistence(core: CoreV1Api, namespace: string, url: string): Promise<string> {
  const db = new URL(url);
  await core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: 'argo-postgres-config' }, stringData: { username: decodeURIComponent(db.username) || 'postgres', password: decodeURIComponent(db.password) || 'unused' } },
  });
  return [
    'archive: true',
    'postgresql:',
    `  host: ${db.hostname}`,
    `  port: ${db.port || 5432}`,
    `  database: ${db.pathname.slice(1) || 'postgres'}`,
    '  tableName: argo_workflows',
    '  userNameSecret: {name: argo-postgres-config, key: username}',
    '  passwordSecret: {name: argo-postgres-config, key: password}',
  ].join('\n');
}
// Capstan as installed (info-level logs, as Argo's controller logs at info too).
const capstanWith = (name: string, flags: string[] = [], env: Record<string, string> = {}): Contender => ({
  name,
  start: async (_config, _core, namespace) => {
    // BENCH_CAPSTAN_LOG_LEVEL=debug: e.g. each reconcile's timings ('reconciled'); see BENCH_CAPSTAN_LOG below.
    const logLevel = globalThis.process.env.BENCH_CAPSTAN_LOG_LEVEL;
    const process = await startCapstan([...kubeModeFlags(namespace), ...flags], { KUBECONFIG: testBed().kubeconfig(), ...(logLevel ? { CAPSTAN_LOG_LEVEL: logLevel } : {}), ...env });
    return { pid: process.child.pid ?? 0, stop: process.stop, output: process.output, url: process.url, exited: exitOf(name, process.child, process.output) };
  },
});
// BENCH_CAPSTAN_ARCHIVE_URL=<postgresql://...> (the bed exports CAPSTAN_TEST_PG_URL): Capstan archives every finished
// workflow into that database and keeps its build history there, as docs/deploy.md recommends running it.
const archiveUrl = process.env.BENCH_CAPSTAN_ARCHIVE_URL;
const capstan = archiveUrl ? capstanWith('Capstan archive', [], { CAPSTAN_ARCHIVE_URL: archiveUrl }) : capstanWith('Capstan');
// Rejects, with the tail of its output, if the controller process ends before the bench stops it.
function exitOf(name: string, child: ChildProcess, output: () => string): Promise<never> {
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) during the run:\n${output().slice(-4000)}`))));
  exited.catch(() => {});
  return exited;
}

// BENCH_CAPSTAN_LOG=<prefix>: each Capstan run's whole output is written to <prefix>-<scenario>-<contender>.log when it stops.
function keepLog(name: string, scenario: string, output: () => string): void {
  const prefix = process.env.BENCH_CAPSTAN_LOG;
  if (prefix && name.startsWith('Capstan')) writeFileSync(`${prefix}-${scenario}-${name.replace(/\W+/g, '-').toLowerCase()}.log`, output());
}

const tuned = ['--qps=512', '--burst=2048', '--workflow-workers=128'];

const onePod = (name: string) => ({
  apiVersion: `${group}/${version}`, kind: 'Workflow', metadata: { name },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['echo', 'hi'] } }] },
});

/**
 * Counts workflows of a namespace reaching a final phase, through one informer (list, then watch, watching again
 * whenever the API server ends a watch): the same observer for every contender.
 */
async function watchCompletions(config: KubeConfig, namespace: string, onFinished: (count: number, workflow: Workflow) => void, onSeen?: (workflow: Workflow) => void) {
  const custom = config.makeApiClient(CustomObjectsApi);
  const done = new Set<string>();
  const path = `/apis/${group}/${version}/namespaces/${namespace}/${plural}`;
  const list = () => custom.listNamespacedCustomObject({ group, version, plural, namespace }) as Promise<KubernetesListObject<Workflow & KubernetesObject>>;
  const informer = makeInformer<Workflow & KubernetesObject>(config, path, list);
  const seen = (wf: Workflow) => {
    onSeen?.(wf);
    const name = wf.metadata?.name ?? '';
    if (finished.has(wf.status?.phase ?? '') && !done.has(name)) {
      done.add(name);
      onFinished(done.size, wf);
    }
  };
  return followInformer(informer, seen);
}

/** The one creator of every contender: `count` creates, 32 in flight. */
async function createMany(count: number, create: (index: number) => Promise<unknown>, inFlight = 32): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) await create(next++);
  }));
}

async function createAll(custom: CustomObjectsApi, namespace: string, bodies: object[]): Promise<void> {
  await createMany(bodies.length, (i) => custom.createNamespacedCustomObject({ group, version, plural, namespace, body: bodies[i]! }));
}

/** Prints where the namespace's pods are every `everyMs` until stopped (and once more then). */
async function printTimeline(config: KubeConfig, namespace: string, startedAt: number, extra: () => string = () => '', everyMs = 10_000) {
  const pods = await watchPods(config, namespace);
  const timer = setInterval(() => console.log(timelineRow(startedAt, pods.counts(), extra())), everyMs);
  return () => {
    clearInterval(timer);
    console.log(timelineRow(startedAt, pods.counts(), extra()));
    pods.stop();
  };
}

async function deleteNamespace(core: CoreV1Api, namespace: string): Promise<void> {
  await core.deleteNamespace({ name: namespace }).catch(() => {});
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const gone = await core.readNamespace({ name: namespace }).then(() => false, () => true);
    if (gone) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Waits (at most 120 s) until the archive holds `count` workflows of the namespace; says when, and how many records. */
async function waitArchived(url: string, namespace: string, count: number, started: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await client.query<{ records: string; workflows: string }>(
        'select count(*) as records, count(distinct name) as workflows from argo_archived_workflows where namespace = $1', [namespace]);
      const { records, workflows } = rows[0]!;
      if (Number(workflows) >= count || Date.now() > deadline) {
        return `; ${workflows} archived (${records} records) after ${((Date.now() - started) / 1000).toFixed(1)} s`;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

interface ThroughputResult { name: string; perMinute: number; seconds: number; eventsPerMinute: number; eventsSeconds: number; settledSeconds: number; peakRss: number; failed: number; cpu: string }

/** The bed's own processes, whose CPU a contender's run costs too (its pid files; PostgreSQL's postmaster.pid). */
function bedPids(): Record<string, number> {
  const dir = process.env.CAPSTAN_TEST_BED ?? '';
  const pidIn = (file: string) => {
    try {
      return Number(readFileSync(join(dir, file), 'utf8').split('\n')[0]);
    } catch {
      return 0;
    }
  };
  return { apiserver: pidIn('kube-apiserver.pid'), etcd: pidIn('etcd.pid'), kwok: pidIn('kwok.pid'), postgres: pidIn('pg/data/postmaster.pid') };
}

/** The API server's request counters of workflows, pods and events (verb, resource, subresource), from its /metrics. */
function apiRequestCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const server = process.env.CAPSTAN_TEST_KUBE_SERVER;
  const token = process.env.CAPSTAN_TEST_ADMIN_TOKEN;
  if (!server || !token) return counts;
  const text = execFileSync('curl', ['-sk', '-H', `Authorization: Bearer ${token}`, `${server}/metrics`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const label = (key: string) => new RegExp(`${key}="([^"]*)"`).exec(line)?.[1] ?? '';
    const resource = label('resource');
    if (resource !== 'workflows' && resource !== 'pods' && resource !== 'events') continue;
    // The controllers write core Events; the scheduler writes events.k8s.io ones.
    const group = label('group') && resource === 'events' ? `${label('group')}/` : '';
    const key = `${label('verb')} ${group}${resource}${label('subresource') ? `/${label('subresource')}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return counts;
}

/** The API server's workflow, pod and event requests from now until the returned function is called (watches left out). */
function requestsFrom(): () => string {
  const before = apiRequestCounts();
  return () => [...apiRequestCounts()].map(([key, n]) => [key, n - (before.get(key) ?? 0)] as const)
    .filter(([key, n]) => n > 0 && !key.startsWith('WATCH')).map(([key, n]) => `${key} ${n}`).join(', ');
}

const eventWrites = ['POST events', 'PATCH events'];
const trailingWrites = [...eventWrites, 'PATCH pods', 'DELETE pods', 'PUT workflows'];

/**
 * Waits until the controller's writes that may trail its last completion have not moved for `quietMs` (at most
 * `limitMs`); returns when its Events (core ones: the scheduler's are events.k8s.io) last moved, and when any of them
 * did (Events, pod labels and deletions, workflow updates; kwok's pod status patches are not among them). Capstan's
 * Event queue drains in the background, Argo's pod cleanup queue labels pods late: counting to those moments charges
 * the run with them, as a load that never pauses would.
 */
async function writesSettled(quietMs = 3000, limitMs = 120_000): Promise<{ events: number; all: number }> {
  const deadline = Date.now() + limitMs;
  const sum = (counts: Map<string, number>, keys: string[]) => keys.reduce((n, key) => n + (counts.get(key) ?? 0), 0);
  let counts = apiRequestCounts();
  const moved = { events: Date.now(), all: Date.now() };
  while (Date.now() - moved.all < quietMs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = apiRequestCounts();
    if (sum(now, eventWrites) !== sum(counts, eventWrites)) moved.events = Date.now();
    if (sum(now, trailingWrites) !== sum(counts, trailingWrites)) moved.all = Date.now();
    counts = now;
  }
  return moved;
}

/** CPU seconds of the contender and of the bed's processes from now until the returned function is called. */
function cpuFrom(contenderPid: number): () => string {
  const pids = { contender: contenderPid, ...bedPids() };
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid ? treeCpuSeconds(pid) : 0]));
  return () => Object.entries(pids).filter(([, pid]) => pid).map(([name, pid]) => `${name} ${(treeCpuSeconds(pid) - before[name]!).toFixed(1)}`).join(', ');
}

async function throughput(contender: Contender, count: number): Promise<ThroughputResult> {
  const config = loadKubeConfig(testBed().kubeconfig());
  const core = config.makeApiClient(CoreV1Api);
  const custom = config.makeApiClient(CustomObjectsApi);
  const namespace = uniqueNamespace('bench-wf');
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const controller = await contender.start(config, core, namespace);
  try {
    const rss = samplePeakRss(controller.pid);
    const cpu = cpuFrom(controller.pid);
    const requests = requestsFrom();
    let failed = 0;
    let resolveDone: (at: number) => void = () => {};
    const allDone = new Promise<number>((resolve) => (resolveDone = resolve));
    const doneAt: number[] = [];
    const stopWatch = await watchCompletions(config, namespace, (n, wf) => {
      doneAt.push(Date.now());
      if (wf.status?.phase !== 'Succeeded') failed++;
      if (n === count) resolveDone(Date.now());
    });
    void allDone.finally(stopWatch);
    const started = Date.now();
    await createAll(custom, namespace, Array.from({ length: count }, (_, i) => onePod(`wf-${i}`)));
    const created = Date.now();
    const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`${contender.name}: not done after 15 min`)), 900_000).unref());
    const ended = await Promise.race([allDone, timeout, controller.exited]);
    const seconds = (ended - started) / 1000;
    const settled = await writesSettled();
    const eventsSeconds = (Math.max(ended, settled.events) - started) / 1000;
    const settledSeconds = (Math.max(ended, settled.all) - started) / 1000;
    const archived = archiveUrl && contender.name.endsWith(' archive') ? await waitArchived(archiveUrl, namespace, count, started) : '';
    const cpuSeconds = cpu();
    console.log(`  ${contender.name}: created ${count} in ${((created - started) / 1000).toFixed(1)} s; all finished after ${seconds.toFixed(1)} s, its Events written after ${eventsSeconds.toFixed(1)} s, its last write after ${settledSeconds.toFixed(1)} s${archived}; CPU s ${cpuSeconds}`);
    console.log(`    API requests: ${requests()}`);
    // Completions by 2.5 s from the start: whether a contender is slow to start, steady, or slow at the end.
    const curve = Array.from({ length: Math.ceil(seconds / 2.5) }, (_, i) => doneAt.filter((t) => t - started <= (i + 1) * 2500).length);
    console.log(`    done every 2.5 s: ${curve.join(' ')}`);
    return { name: contender.name, perMinute: count / (seconds / 60), seconds, eventsPerMinute: count / (eventsSeconds / 60), eventsSeconds, settledSeconds, peakRss: rss.stop(), failed, cpu: cpuSeconds };
  } finally {
    await controller.stop();
    keepLog(contender.name, 'workflows', controller.output);
    await deleteNamespace(core, namespace);
  }
}

interface DagResult { name: string; seconds: number; peakRss: number; cpuSeconds: number; phase: string; compressed: boolean; statusBytes: number }

async function bigDag(contender: Contender, tasks: number, whileRunning?: (url: string) => Promise<void>): Promise<DagResult & { namespace: string }> {
  const config = loadKubeConfig(testBed().kubeconfig());
  const core = config.makeApiClient(CoreV1Api);
  const custom = config.makeApiClient(CustomObjectsApi);
  const namespace = uniqueNamespace('bench-dag');
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const controller = await contender.start(config, core, namespace);
  try {
    const rss = samplePeakRss(controller.pid);
    const cpuBefore = treeCpuSeconds(controller.pid);
    let resolveDone: (wf: Workflow) => void = () => {};
    const done = new Promise<Workflow>((resolve) => (resolveDone = resolve));
    let progress = '';
    const stopWatch = await watchCompletions(config, namespace, (_n, wf) => resolveDone(wf), (wf) => (progress = `${wf.status?.phase ?? ''} ${wf.status?.progress ?? ''}`));
    const started = Date.now();
    // BENCH_TIMELINE=1: where the pods are every 10 s, beside the workflow's own progress (who paces the run,
    // controller or bed). Off by default: its pod watch is one more watcher the API server sends every pod event to,
    // and the bench parses them all, on the cores the bed's pod simulation needs (it paces Capstan's DAG, not Argo's).
    const stopTimeline = process.env.BENCH_TIMELINE ? await printTimeline(config, namespace, started, () => `workflow ${progress}`) : () => {};
    await custom.createNamespacedCustomObject({ group, version, plural, namespace, body: fanOutDag('dag', { width: tasks }) });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${contender.name}: DAG not done after 15 min`)), 900_000).unref());
    const wf = await Promise.race([done, timeout, controller.exited]).finally(stopTimeline);
    const seconds = (Date.now() - started) / 1000;
    const cpuSeconds = treeCpuSeconds(controller.pid) - cpuBefore;
    // BENCH_SHOW_WARNINGS=1: the contender's warning and error log lines of the run (e.g. failed reconciles).
    if (process.env.BENCH_SHOW_WARNINGS) console.log(controller.output().split('\n').filter((l) => /"level":(40|50)|level=(warn|error)/.test(l)).slice(-40).join('\n'));
    stopWatch();
    const stored = await custom.getNamespacedCustomObject({ group, version, plural, namespace, name: 'dag' }) as Workflow;
    if (whileRunning && controller.url) await whileRunning(controller.url);
    return {
      name: contender.name, seconds, peakRss: rss.stop(), cpuSeconds, phase: wf.status?.phase ?? '', namespace,
      compressed: Boolean(stored.status?.compressedNodes), statusBytes: JSON.stringify(stored.status ?? {}).length,
    };
  } finally {
    await controller.stop();
    keepLog(contender.name, 'dag', controller.output);
  }
}

function argoServerRss(): number {
  try {
    return treeRss(Number(readFileSync(join(process.env.CAPSTAN_TEST_BED ?? '', 'argo-server.pid'), 'utf8')));
  } catch {
    return 0;
  }
}

const which = process.argv[2] ?? 'all';
const count = Number(process.argv[3] ?? 1000);
const tasks = Number(process.argv[4] ?? 2000);
console.log(`kubernetes mode vs Argo v3.7.9 on the test bed (${new Date().toISOString()})`);
if (which === 'all' || which === 'workflows') {
  console.log(`${count} one-pod workflows created at once (32 creates in flight), completed per minute and peak RSS:`);
  const results: ThroughputResult[] = [];
  // BENCH_ONLY_TUNED=1 leaves Argo's defaults out; BENCH_CAPSTAN_WORKERS=32 and BENCH_CAPSTAN_HEAP_MB=384 add a
  // Capstan with that many workflow workers (Argo's default is 32, Capstan's 8) and a capped V8 heap.
  const contenders = [...(process.env.BENCH_ONLY_TUNED ? [] : [argo('Argo defaults')]), argo('Argo tuned', tuned), capstan];
  // BENCH_ARGO_ARCHIVE=1 (with BENCH_CAPSTAN_ARCHIVE_URL) adds Argo tuned archiving into the same database, before Capstan.
  if (archiveUrl && process.env.BENCH_ARGO_ARCHIVE) contenders.splice(contenders.length - 1, 0, argo('Argo tuned archive', tuned, archiveUrl));
  // BENCH_CAPSTAN_NODE_OPTIONS (e.g. `--import ./cpu-profile.mjs`; --cpu-prof is refused there) goes to that extra Capstan too.
  const workers = process.env.BENCH_CAPSTAN_WORKERS;
  const heap = process.env.BENCH_CAPSTAN_HEAP_MB;
  const nodeOptions = [heap ? `--max-old-space-size=${heap}` : '', process.env.BENCH_CAPSTAN_NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
  // BENCH_ONLY_CAPSTAN=1 leaves Argo out; BENCH_CAPSTAN_NO_ARCHIVE_TOO=1 adds a Capstan without the archive database.
  if (process.env.BENCH_ONLY_CAPSTAN) contenders.splice(0, contenders.length - 1);
  if (archiveUrl && process.env.BENCH_CAPSTAN_NO_ARCHIVE_TOO) contenders.push(capstanWith('Capstan'));
  // BENCH_ONLY_EXTRA=1 runs that extra Capstan alone (e.g. to profile it).
  if (process.env.BENCH_ONLY_EXTRA) contenders.length = 0;
  if (workers || nodeOptions) {
    contenders.push(capstanWith(
      `Capstan${workers ? ` ${workers} workers` : ''}${archiveUrl ? ' archive' : ''}${heap ? ` heap ${heap} MB` : ''}${process.env.BENCH_CAPSTAN_NODE_OPTIONS ? ' (node options)' : ''}`,
      workers ? ['--workflow-workers', workers] : [],
      { ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...(archiveUrl ? { CAPSTAN_ARCHIVE_URL: archiveUrl } : {}) },
    ));
  }
  for (const contender of contenders) results.push(await throughput(contender, count));
  const base = results[0]!;
  for (const r of results) {
    console.log(`  ${r.name.padEnd(14)} ${r.perMinute.toFixed(0).padStart(6)} /min  (${r.seconds.toFixed(1)} s, ${(r.perMinute / base.perMinute).toFixed(2)}× ${base.name}; to its last Event ${r.eventsPerMinute.toFixed(0)} /min, ${r.eventsSeconds.toFixed(1)} s, ${(r.eventsPerMinute / base.eventsPerMinute).toFixed(2)}×; last write at ${r.settledSeconds.toFixed(1)} s)  peak RSS ${mib(r.peakRss)}${r.failed ? `  ${r.failed} not Succeeded` : ''}  CPU s: ${r.cpu}`);
  }
  console.log(`  argo-server (the bed's, idle) RSS ${mib(argoServerRss())}`);
}
if (which === 'all' || which === 'dag') {
  console.log(`one DAG of ${tasks} tasks after one root (no sink, as a fan-in of 2,000 exceeds Argo's expression limit: see fanOutDag), create to Succeeded:`);
  const core = loadKubeConfig(testBed().kubeconfig()).makeApiClient(CoreV1Api);
  const argoRun = await bigDag(argo('Argo tuned', tuned), tasks);
  // While Capstan runs, it must read the workflow Argo wrote (compressed nodes) through its own API.
  let readBack = '';
  const capstanRun = await bigDag(capstan, tasks, async (url) => {
    const served = await (await fetch(`${url}/api/v1/workflows/${argoRun.namespace}/dag`)).json() as Workflow;
    readBack = `Capstan's API serves Argo's DAG with ${Object.keys(served.status?.nodes ?? {}).length} nodes`;
  });
  for (const r of [argoRun, capstanRun]) {
    console.log(`  ${r.name.padEnd(14)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.phase}  peak RSS ${mib(r.peakRss)}  CPU ${r.cpuSeconds.toFixed(0)} s  status ${(r.statusBytes / 1024).toFixed(0)} KiB${r.compressed ? ' (compressedNodes)' : ''}`);
  }
  console.log(`  Capstan / Argo tuned: ${(capstanRun.seconds / argoRun.seconds).toFixed(2)}; ${readBack}`);
  await deleteNamespace(core, argoRun.namespace);
  await deleteNamespace(core, capstanRun.namespace);
}
if (which === 'bed') {
  // The bed alone, no controller: `count` bare pods (restartPolicy Never) created by the same creator; how fast the
  // scheduler and kwok take them to Succeeded is the ceiling any controller's pod throughput meets on this bed.
  const pods = Number(process.argv[3] ?? 2001);
  console.log(`the bed's pod simulation alone: ${pods} bare pods created (32 in flight), time until all Succeeded:`);
  const config = loadKubeConfig(testBed().kubeconfig());
  const core = config.makeApiClient(CoreV1Api);
  const namespace = uniqueNamespace('bench-bed');
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const started = Date.now();
  const stopTimeline = await printTimeline(config, namespace, started, () => '', 5_000);
  const watcher = await watchPods(config, namespace);
  await createMany(pods, (i) => core.createNamespacedPod({
    namespace,
    body: { metadata: { name: `p-${i}` }, spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
  }));
  const created = (Date.now() - started) / 1000;
  const deadline = Date.now() + 600_000;
  while (watcher.counts().done < pods && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const seconds = (Date.now() - started) / 1000;
  stopTimeline();
  watcher.stop();
  console.log(`  created ${pods} in ${created.toFixed(1)} s; ${watcher.counts().done} done after ${seconds.toFixed(1)} s: ${(watcher.counts().done / seconds).toFixed(0)} pods/s`);
  const deleting = Date.now();
  await deleteNamespace(core, namespace);
  console.log(`  namespace deleted in ${((Date.now() - deleting) / 1000).toFixed(1)} s`);
}
if (which === 'dag-capstan') {
  // Capstan's DAG alone (to investigate it without Argo's run first).
  const r = await bigDag(capstan, tasks);
  console.log(`  ${r.name} ${r.seconds.toFixed(1)} s ${r.phase} peak RSS ${mib(r.peakRss)} CPU ${r.cpuSeconds.toFixed(0)} s status ${(r.statusBytes / 1024).toFixed(0)} KiB`);
  await deleteNamespace(loadKubeConfig(testBed().kubeconfig()).makeApiClient(CoreV1Api), r.namespace);
}
process.exit(0);
