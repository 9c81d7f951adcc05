import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { untilWith } from '../testing/until';
import { killSchedule } from '../testing/kill-schedule';

// Embedded mode killed (SIGKILL) at random points while 200 workflows run, restarted on the same data directory each
// time: every workflow is still there and reaches Succeeded, and no step runs twice. Each step reports its start
// to a counter here by pod name (steps share the host's network); a step that Capstan's death interrupted errors
// ("Capstan stopped while the step was running") and its retry runs under a new pod name, so any name counted
// twice is a step run twice.
const dataDir = mkdtempSync(join(tmpdir(), 'capstan-kill-'));
const starts = new Map<string, number>();
let counter: Server;
let counterPort = 0;
let capstan: CapstanProcess;
const outputs: string[] = [];
const until = untilWith({ timeoutMs: 300_000, intervalMs: 1000, output: () => capstan?.output() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const workflow = (name: string) => ({
  metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'a', template: 'step' }, { name: 'b', template: 'step', depends: 'a' }] } },
      {
        name: 'step',
        // A step interrupted by the kill errors; Always retries it (Argo's default policy retries only failures).
        retryStrategy: { limit: 5, retryPolicy: 'Always' },
        container: { image: 'alpine', command: ['sh', '-c', `curl -sf http://127.0.0.1:${0}/{{pod.name}} > /dev/null; sleep 0.2`] },
      },
    ],
  },
});

beforeAll(async () => {
  counter = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    starts.set(name, (starts.get(name) ?? 0) + 1);
    res.end('ok');
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  counterPort = (counter.address() as { port: number }).port;
  capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
});
afterAll(async () => {
  await capstan?.stop();
  counter?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const submit = (name: string) => {
  const body = JSON.stringify({ workflow: workflow(name) }).replace('127.0.0.1:0/', `127.0.0.1:${counterPort}/`);
  return fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body }).then(async (r) => {
    if (!r.ok) throw new Error(`submit ${name}: ${r.status} ${await r.text()}`);
  });
};
const list = async () => ((await (await fetch(`${capstan.url}/api/v1/workflows/argo`)).json()).items ?? []) as Workflow[];

it('loses no workflow and runs no step twice when killed at random points while 200 workflows run', async () => {
  const { random } = killSchedule();
  const names = Array.from({ length: 200 }, (_, i) => `kill-${i}`);
  for (let i = 0; i < names.length; i += 20) await Promise.all(names.slice(i, i + 20).map(submit));
  for (let kill = 0; kill < 3; kill++) {
    await sleep(1000 + random() * 4000);
    await capstan.kill();
    outputs.push(capstan.output());
    capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
  }
  const done = await until('all 200 workflows finished', list, (items) => items.length === names.length && items.every((w) => ['Succeeded', 'Failed', 'Error'].includes(w.status?.phase ?? '')));
  expect(done.map((w) => w.metadata.name).sort()).toEqual([...names].sort());
  expect(done.filter((w) => w.status?.phase !== 'Succeeded').map((w) => `${w.metadata.name}: ${w.status?.phase} ${w.status?.message ?? ''}`)).toEqual([]);
  // Lists leave the nodes out (as argo-server's): read each workflow whole.
  const full = await Promise.all(names.map(async (n) => (await (await fetch(`${capstan.url}/api/v1/workflows/argo/${n}`)).json()) as Workflow));
  const pods = full.flatMap((w) => Object.values(w.status?.nodes ?? {})).filter((n) => n.type === 'Pod');
  console.log(`steps interrupted by a kill and retried: ${pods.filter((n) => n.phase === 'Error').length}; step starts counted: ${starts.size}`);
  expect(pods.filter((n) => n.phase === 'Succeeded')).toHaveLength(names.length * 2);
  // Every step that succeeded reported its start (the counter works), and no pod name started twice.
  // A pod's name ends with the same hash of its node name as its node ID does.
  const startedHashes = new Set([...starts.keys()].map((podName) => podName.split('-').pop()));
  expect(pods.filter((n) => n.phase === 'Succeeded' && !startedHashes.has(n.id.split('-').pop())).map((n) => n.name)).toEqual([]);
  expect([...starts].filter(([, n]) => n > 1)).toEqual([]);
}, 600_000);
