/**
 * The API gateway against Argo v3.7.9's `argo server` on the same cluster, the same 10,000 workflows, the same run
 * (issue #6): first page of the list, get, and the watch stream fanned out to 100 clients; p50/p99 latency and RSS.
 *
 *   WITH_ARGO=1 scripts/test-bed/test-cluster.sh up && eval "$(scripts/test-bed/test-cluster.sh env)"
 *   npx tsx bench/api-latency.ts [count=10000] [clients=100]
 *   BENCH_CREATE_ONLY=1 npx tsx bench/api-latency.ts   # only create the workflows (once, outside a heavy slot)
 *   BENCH_CAPSTAN_ARCHIVE_URL=$CAPSTAN_TEST_PG_URL npx tsx bench/api-latency.ts   # Capstan with an archive database
 *
 * The workflows are created once, already completed (status written at create: Argo's CRD has no status
 * subresource), in a namespace of their own (`BENCH_NAMESPACE`, default `bench-api`) that later runs reuse; no
 * controller runs them again. The bench then starts its own `argo server` (the bed's binary, `--namespaced` for that
 * namespace, so its workflow store holds them) and Capstan in kubernetes mode for the same namespace, and measures
 * both alternately, request by request, so load from the rest of the machine falls on both alike.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { CoreV1Api, CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { loadKubeConfig } from '@/server/cluster/kube-cluster';
import { startCapstan } from '@/server/testing/capstan-process';
import { kubeModeFlags } from '@/server/testing/kube-mode';
import { testBed } from '@/server/testing/test-bed';
import { until } from '@/server/testing/until';
import { mib, treeRss } from './process-rss';

const group = 'argoproj.io';
const version = 'v1alpha1';
const plural = 'workflows';
const count = Number(process.argv[2] ?? 10_000);
const clients = Number(process.argv[3] ?? 100);
const namespace = process.env.BENCH_NAMESPACE ?? 'bench-api';
const argoPort = Number(process.env.BENCH_ARGO_PORT ?? 2910);
const seqAnnotation = 'bench.capstan.io/seq';

const config = loadKubeConfig(testBed().kubeconfig());
const core = config.makeApiClient(CoreV1Api);
const custom = config.makeApiClient(CustomObjectsApi);

/** A finished three-step workflow as Argo's controller leaves it (about 4 KB of JSON, three nodes). */
function completedWorkflow(i: number) {
  const started = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  const at = (s: number) => new Date(started.getTime() + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const name = `bench-${String(i).padStart(5, '0')}`;
  const failed = i % 10 === 0;
  const phase = failed ? 'Failed' : 'Succeeded';
  const node = (id: string, displayName: string, type: string, start: number, end: number, extra: object = {}) => ({
    id, name: id === name ? name : `${name}[0].${displayName}`, displayName, type, templateName: displayName,
    templateScope: 'local/', phase, boundaryID: type === 'Pod' ? name : undefined, startedAt: at(start), finishedAt: at(end),
    progress: type === 'Pod' ? '1/1' : '2/2', resourcesDuration: { cpu: end - start, memory: (end - start) * 4 }, ...extra,
  });
  return {
    apiVersion: `${group}/${version}`, kind: 'Workflow',
    metadata: {
      name,
      labels: {
        'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': phase,
        team: `team-${i % 20}`, 'app.kubernetes.io/part-of': 'bench',
      },
      annotations: { 'workflows.argoproj.io/pod-name-format': 'v2' },
    },
    spec: {
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'message', value: `run ${i}` }, { name: 'branch', value: i % 3 ? 'main' : 'release' }] },
      templates: [
        { name: 'main', steps: [[{ name: 'build', template: 'build' }], [{ name: 'test', template: 'test' }]] },
        { name: 'build', container: { image: 'golang:1.24', command: ['sh', '-c'], args: ['go build ./... && echo built'] } },
        { name: 'test', container: { image: 'golang:1.24', command: ['sh', '-c'], args: ['go test ./...'] } },
      ],
    },
    status: {
      phase, startedAt: at(0), finishedAt: at(40), progress: failed ? '1/2' : '2/2',
      ...(failed ? { message: 'child failed' } : {}),
      resourcesDuration: { cpu: 38, memory: 152 },
      conditions: [{ type: 'PodRunning', status: 'False' }, { type: 'Completed', status: 'True' }],
      nodes: {
        [name]: node(name, name, 'Steps', 0, 40, { children: [`${name}-1`], outboundNodes: [`${name}-3`], templateName: 'main' }),
        [`${name}-1`]: node(`${name}-1`, 'build', 'Pod', 1, 20, { children: [`${name}-3`], hostNodeName: 'kwok-node-0',
          outputs: { exitCode: '0', parameters: [] } }),
        [`${name}-3`]: node(`${name}-3`, 'test', 'Pod', 21, 39, { hostNodeName: 'kwok-node-0', outputs: { exitCode: failed ? '1' : '0' },
          ...(failed ? { message: 'Error (exit code 1)' } : {}) }),
      },
      artifactRepositoryRef: { default: true, artifactRepository: {} },
      artifactGCStatus: { notSpecified: true },
      taskResultsCompletionStatus: { [`${name}-1`]: true, [`${name}-3`]: true },
    },
  };
}

async function ensureWorkflows(): Promise<void> {
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch(() => {});
  await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'workflow-controller-configmap' }, data: {} } }).catch(() => {});
  const existing = new Set<string>();
  let next: string | undefined;
  do {
    const page = await custom.listNamespacedCustomObject({ group, version, plural, namespace, limit: 2000, _continue: next }) as
      { items: { metadata: { name: string } }[]; metadata: { continue?: string } };
    for (const item of page.items) existing.add(item.metadata.name);
    next = page.metadata.continue || undefined;
  } while (next);
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !existing.has(completedWorkflow(i).metadata.name));
  if (!missing.length) return void console.log(`  ${existing.size} workflows already in ${namespace}`);
  const started = Date.now();
  let i = 0;
  await Promise.all(Array.from({ length: 48 }, async () => {
    while (i < missing.length) {
      const body = completedWorkflow(missing[i++]!);
      await custom.createNamespacedCustomObject({ group, version, plural, namespace, body }).catch((error: { code?: number }) => {
        if (error.code !== 409) throw error;
      });
    }
  }));
  console.log(`  created ${missing.length} completed workflows in ${namespace} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Server { name: string; url: string; pid: number; stop: () => Promise<void> }

async function startArgoServer(): Promise<Server> {
  const child: ChildProcess = spawn(testBed().argoBin(), [
    'server', '--kubeconfig', testBed().kubeconfig(), '--auth-mode', 'server', '--secure=false', '--port', String(argoPort),
    '--namespaced', '--namespace', namespace,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${argoPort}`;
  await until('argo server to answer', () => fetch(`${url}/api/v1/version`).then((r) => r.ok, () => false), Boolean, { timeoutMs: 60_000, output: () => output });
  return {
    name: 'argo server', url, pid: child.pid ?? 0,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

// BENCH_CAPSTAN_ARCHIVE_URL (a postgresql:// URL, e.g. the bed's CAPSTAN_TEST_PG_URL) runs Capstan as installed with an
// archive database: its build history then lives there instead of in a local PGlite index (about 130 MiB of RSS).
async function startCapstanServer(): Promise<Server> {
  const archive = process.env.BENCH_CAPSTAN_ARCHIVE_URL;
  const capstan = await startCapstan(kubeModeFlags(namespace), { KUBECONFIG: testBed().kubeconfig(), CAPSTAN_LOG_LEVEL: 'warn', ...(archive ? { CAPSTAN_ARCHIVE_URL: archive } : {}) });
  return { name: 'Capstan', url: capstan.url, pid: capstan.child.pid ?? 0, stop: capstan.stop };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

/** GET over a keep-alive connection; the body and the time to its last byte, in ms. */
function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7);

/** Both servers' RSS every 250 ms: peak and the samples of the current phase. */
class RssSampler {
  readonly peak = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly servers: Server[]) {
    this.timer = setInterval(() => this.sample(), 250);
  }
  sample() {
    for (const s of this.servers) this.peak.set(s.name, Math.max(this.peak.get(s.name) ?? 0, treeRss(s.pid)));
  }
  now = (s: Server) => treeRss(s.pid);
  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

/** Runs `rounds` of the same request against each server, alternating which goes first; latencies per server. */
async function alternate(servers: Server[], rounds: number, path: (round: number) => string, check: (body: string) => void) {
  const times = new Map<string, number[]>(servers.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...servers].reverse() : servers;
    for (const s of order) {
      const r = await timedGet(`${s.url}${path(round)}`);
      if (r.status !== 200) throw new Error(`${s.name}: ${path(round)} answered ${r.status}: ${r.body.slice(0, 300)}`);
      check(r.body);
      times.get(s.name)!.push(r.ms);
    }
  }
  return times;
}

/**
 * `clients` watch streams on one server (newline-delimited JSON, from the list's resourceVersion, as the UI watches
 * after its list); each `update` writes an annotation to a random workflow through the Kubernetes API and waits until
 * every client has received it. Returns every delivery's latency and, per update, the slowest client's.
 */
async function watchFanOut(server: Server, updates: number) {
  const list = JSON.parse((await timedGet(`${server.url}/api/v1/workflows/${namespace}?listOptions.limit=1`)).body) as { metadata: { resourceVersion: string } };
  const arrivals: Map<number, number>[] = [];
  const requests: ReturnType<typeof httpRequest>[] = [];
  let onArrival: () => void = () => {};
  await Promise.all(Array.from({ length: clients }, (_, c) => new Promise<void>((resolve, reject) => {
    const seen = new Map<number, number>();
    arrivals[c] = seen;
    const req = httpRequest(`${server.url}/api/v1/workflow-events/${namespace}?listOptions.resourceVersion=${list.metadata.resourceVersion}`, { agent }, (res) => {
      if (res.statusCode !== 200) console.error(`${server.name}: watch answered ${res.statusCode}`);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (!line) continue;
          const seq = /"bench\.capstan\.io\/seq":"(\d+)"/.exec(line)?.[1];
          if (seq && !seen.has(Number(seq))) {
            seen.set(Number(seq), now);
            onArrival();
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', (error) => (requests.includes(req) ? undefined : reject(error)));
    // argo-server's gateway sends the response headers only with the first event: the request is out once sent.
    req.end(() => resolve());
    requests.push(req);
  })));
  await new Promise((r) => setTimeout(r, 2000));
  const deliveries: number[] = [];
  const slowest: number[] = [];
  const base = Date.now() % 1_000_000_000;
  // Update -1 is a warm-up, not counted: every client has its stream open once it has arrived everywhere.
  for (let u = -1; u < updates; u++) {
    const seq = base + u;
    const name = completedWorkflow(Math.floor(Math.random() * count)).metadata.name;
    const started = performance.now();
    const all = new Promise<void>((resolve) => {
      onArrival = () => arrivals.every((a) => a.has(seq)) && resolve();
    });
    await custom.patchNamespacedCustomObject({ group, version, plural, namespace, name, body: { metadata: { annotations: { [seqAnnotation]: String(seq) } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
    await Promise.race([all, timeout]);
    const times = arrivals.map((a) => (a.get(seq) ?? Number.NaN) - started);
    const missing = times.filter(Number.isNaN).length;
    if (missing) throw new Error(`${server.name}: ${missing} of ${clients} clients did not receive update ${u} within 30 s`);
    if (process.env.BENCH_VERBOSE) console.log(`    ${server.name} update ${u}: slowest ${Math.max(...times).toFixed(0)} ms`);
    if (u < 0) continue;
    deliveries.push(...times);
    slowest.push(Math.max(...times));
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const req of requests) req.destroy();
  return { deliveries, slowest };
}

console.log(`API gateway vs argo server v3.7.9 on the test bed (${new Date().toISOString()}), load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}${process.env.BENCH_CAPSTAN_ARCHIVE_URL ? '; Capstan with an archive database' : ''}`);
await ensureWorkflows();
if (process.env.BENCH_CREATE_ONLY) process.exit(0);
const argo = await startArgoServer();
const capstan = await startCapstanServer();
const servers = [argo, capstan];
const rss = new RssSampler(servers);
try {
  // Ready: the first page is full and says more follow (argo-server's store and Capstan have listed the namespace).
  for (const s of servers) {
    const started = Date.now();
    await until(`${s.name} to list the workflows`, async () => JSON.parse((await timedGet(`${s.url}/api/v1/workflows/${namespace}?listOptions.limit=50`)).body) as { items: unknown[] | null; metadata: { continue?: string } },
      (l) => (l.items?.length ?? 0) === 50 && Boolean(l.metadata.continue), { timeoutMs: 180_000, intervalMs: 500 });
    console.log(`  ${s.name}: first full page ${((Date.now() - started) / 1000).toFixed(1)} s after it answered`);
  }
  await new Promise((r) => setTimeout(r, 5000));
  const idle = new Map(servers.map((s) => [s.name, rss.now(s)]));
  const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
  const listPath = `/api/v1/workflows/${namespace}?listOptions.limit=50`;
  // The fields Argo's UI asks for on its workflows page.
  const uiFields = 'metadata,items.metadata.uid,items.metadata.name,items.metadata.namespace,items.metadata.creationTimestamp,items.metadata.labels,items.metadata.annotations,items.status.phase,items.status.message,items.status.finishedAt,items.status.startedAt,items.status.estimatedDuration,items.status.progress,items.spec.suspend';
  const pageOf50 = (body: string) => {
    const items = (JSON.parse(body) as { items: unknown[] }).items;
    if (items.length !== 50) throw new Error(`a page of ${items.length}`);
  };
  const row = (what: string, a: number[], c: number[]) => {
    const [a50, a99, c50, c99] = [percentile(a, 50), percentile(a, 99), percentile(c, 50), percentile(c, 99)];
    console.log(`  ${what.padEnd(44)} ${fmt(a50)} ${fmt(a99)} ${fmt(c50).padStart(11)} ${fmt(c99)}   ${(c50 / a50).toFixed(2)} / ${(c99 / a99).toFixed(2)}`);
  };
  // Where Capstan's RSS is: V8's heap in use and external memory, from its /metrics (read after the RSS sample).
  const capstanHeap = async () => {
    const metrics = (await timedGet(`${capstan.url}/metrics`)).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    return `   (Capstan heap used ${mib(value('nodejs_heap_size_used_bytes'))}, external ${mib(value('nodejs_external_memory_bytes'))})`;
  };
  const rssRow = async (what: string, values: Map<string, number>) => {
    const a = values.get(argo.name)!;
    const c = values.get(capstan.name)!;
    console.log(`  ${what.padEnd(44)} ${mib(a).padStart(16)} ${mib(c).padStart(20)}   ratio ${(c / a).toFixed(2)}${await capstanHeap()}`);
  };
  const updates = Number(process.env.BENCH_UPDATES ?? 50);
  console.log(`\n  ${count} workflows, ${rounds} requests per server and measurement, ${clients} watch clients x ${updates} updates`);
  console.log(`  ${'measurement'.padEnd(44)} ${'argo p50'.padStart(8)} ${'p99'.padStart(7)} ${'Capstan p50'.padStart(11)} ${'p99'.padStart(7)}   ratio p50 / p99`);
  await rssRow('RSS after listing, idle', idle);
  if (process.env.BENCH_ONLY !== 'watch') {
    await alternate(servers, 20, () => listPath, pageOf50);
    const list = await alternate(servers, rounds, () => listPath, pageOf50);
    row('list, first page of 50 (ms)', list.get(argo.name)!, list.get(capstan.name)!);
    const listUi = await alternate(servers, rounds, () => `${listPath}&fields=${uiFields}`, pageOf50);
    row("list, first page of 50, UI's fields (ms)", listUi.get(argo.name)!, listUi.get(capstan.name)!);
    const names = Array.from({ length: rounds }, () => completedWorkflow(Math.floor(Math.random() * count)).metadata.name);
    const get = await alternate(servers, rounds, (r) => `/api/v1/workflows/${namespace}/${names[r]}`, (body) => {
      if (!(JSON.parse(body) as { status?: { nodes?: object } }).status?.nodes) throw new Error('a workflow without nodes');
    });
    row('get one workflow (ms)', get.get(argo.name)!, get.get(capstan.name)!);
    await rssRow('RSS after list/get', new Map(servers.map((s) => [s.name, rss.now(s)])));
  }
  const watch = new Map<string, { deliveries: number[]; slowest: number[] }>();
  for (const s of servers) watch.set(s.name, await watchFanOut(s, updates));
  row(`watch: update to each of ${clients} clients (ms)`, watch.get(argo.name)!.deliveries, watch.get(capstan.name)!.deliveries);
  row(`watch: update to the last of ${clients} clients (ms)`, watch.get(argo.name)!.slowest, watch.get(capstan.name)!.slowest);
  await rssRow(`RSS with ${clients} watches`, new Map(servers.map((s) => [s.name, rss.now(s)])));
  rss.stop();
  await rssRow('RSS peak', rss.peak);
  console.log(`  load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  rss.stop();
  await Promise.all(servers.map((s) => s.stop()));
}
process.exit(0);
