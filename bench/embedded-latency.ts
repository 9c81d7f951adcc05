/**
 * Embedded mode through the public API, as a user runs it (`server/main.ts`, steps as sandboxed local processes):
 * hello-world from submit to Succeeded, and 1,000 small workflows submitted at once (time until all Succeeded, and
 * how long the dashboard's first page of workflows takes to load meanwhile). Argo has no embedded mode.
 *
 *   npx tsx bench/embedded-latency.ts [runs=10] [queued=1000]
 */
import type { Workflow } from '@/lib/generated/argo';
import { startCapstan } from '@/server/testing/capstan-process';
import { mib, samplePeakRss } from './process-rss';

const runs = Number(process.argv[2] ?? 10);
const queued = Number(process.argv[3] ?? 1000);
const hello = (name: string) => ({
  metadata: { name },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['echo', 'hello world'] } }] },
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const capstan = await startCapstan(['--no-samples'], { CAPSTAN_LOG_LEVEL: process.env.CAPSTAN_LOG_LEVEL ?? 'warn' });
try {
  const submit = async (name: string) => {
    const response = await fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body: JSON.stringify({ workflow: hello(name) }) })
      .catch((error: Error) => { throw new Error(`submit ${name} at ${new Date().toISOString()}: ${error.message}`, { cause: error.cause }); });
    if (!response.ok) throw new Error(`submit ${name}: ${response.status} ${await response.text()}`);
  };
  const phaseOf = async (name: string) => ((await (await fetch(`${capstan.url}/api/v1/workflows/argo/${name}?fields=status.phase`)).json()) as Workflow).status?.phase;

  const latencies: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const name = `hello-${i}`;
    const started = performance.now();
    await submit(name);
    while ((await phaseOf(name)) !== 'Succeeded') await sleep(5);
    if (i >= 2) latencies.push(performance.now() - started);
  }
  console.log(`embedded: hello-world submit → Succeeded, median of ${runs} (after 2 warm-ups): ${median(latencies).toFixed(0)} ms ` +
    `(min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}; target < 300 ms)`);

  const rss = samplePeakRss(capstan.child.pid ?? 0);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < queued) await submit(`queued-${next++}`);
  }));
  const submittedMs = performance.now() - started;
  const pageLoads: number[] = [];
  for (;;) {
    const pageStarted = performance.now();
    await (await fetch(`${capstan.url}/api/v1/workflows/argo?listOptions.limit=50`)).json();
    pageLoads.push(performance.now() - pageStarted);
    const done = await (await fetch(`${capstan.url}/api/v1/workflows/argo?listOptions.labelSelector=workflows.argoproj.io/completed=true&fields=items.metadata.name`)).json() as { items?: unknown[] };
    if ((done.items?.length ?? 0) >= queued + runs + 2) break;
    await sleep(1000);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`embedded: ${queued} hello-worlds submitted in ${(submittedMs / 1000).toFixed(1)} s, all Succeeded after ${seconds.toFixed(1)} s ` +
    `(${(queued / (seconds / 60)).toFixed(0)} /min); first page of 50 while they ran: median ${median(pageLoads).toFixed(0)} ms, ` +
    `slowest ${Math.max(...pageLoads).toFixed(0)} ms; peak RSS ${mib(rss.stop())}`);
} catch (error) {
  console.error(`failed: ${(error as Error).message}${(error as Error).cause ? ` (${String((error as Error).cause)})` : ''}; Capstan ${capstan.child.exitCode === null && capstan.child.signalCode === null ? 'still runs' : `exited (${capstan.child.exitCode ?? capstan.child.signalCode})`}; its last output:\n${capstan.output().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await capstan.stop();
}
process.exit(process.exitCode ?? 0);
