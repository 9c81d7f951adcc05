import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { type KubeModeCapstan, kubeModeFlags, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';
import { killSchedule } from '../testing/kill-schedule';

// Faults in kubernetes mode on the test bed: Capstan killed (SIGKILL) at random points while 200 workflows run, and
// the kube-apiserver stopped and started again under a running Capstan. Nothing may be lost or done twice: every
// workflow reaches its final phase, and every pod is created exactly once.
const bed = testBed();
const testCluster = fileURLToPath(new URL('../../scripts/test-bed/test-cluster.sh', import.meta.url));
const run = promisify(execFile);
const env = { KUBECONFIG: bed.kubeconfig(), LEADER_ELECTION_IDENTITY: 'capstan-faults' };
let kube: KubeModeCapstan;
let capstan: CapstanProcess;
const outputs: string[] = [];
const podsAdded = new Map<string, number>();
let stopWatch: (() => void) | undefined;
const finished = new Set(['Succeeded', 'Failed', 'Error']);
const until = untilWith({ timeoutMs: 180_000, intervalMs: 500, output: () => capstan?.output() });

// Two pods in a row, so a kill can land between a workflow's pods as well as before and after them.
const twoPods = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'a', template: 'echo' }, { name: 'b', template: 'echo', depends: 'a' }] } },
      { name: 'echo', container: { image: 'busybox', command: ['echo', 'hi'] } },
    ],
  },
} as unknown as KubeObject);

// Right after a restart the API server answers 429 "storage is (re)initializing" for a while: not yet.
const workflows = async (namespace: string) => (await kube.cluster.list<Workflow & KubeObject>('workflows', namespace).catch(() => ({ items: [] }))).items;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function restart(): Promise<void> {
  outputs.push(capstan.output());
  capstan = await startCapstan(kubeModeFlags(kube.namespace), env);
}

/**
 * Counts ADDED pod events by pod name in `namespace`. The API server closes a watch whose reader falls behind a
 * burst of events (the bed's kwok moves pods fast), so a closed watch is resumed from the last resourceVersion seen:
 * no event is missed or seen twice. One that cannot be resumed (410 Gone) is remembered in `podWatchLost`.
 */
async function countPodsAdded(namespace: string): Promise<() => void> {
  const watch = new Watch(loadKubeConfig(bed.kubeconfig()));
  let resourceVersion: string | undefined;
  let request: AbortController | undefined;
  let stopped = false;
  const start = async (): Promise<void> => {
    request = await watch.watch(`/api/v1/namespaces/${namespace}/pods`, resourceVersion ? { resourceVersion } : {},
      (type: string, pod: { metadata?: { name?: string; resourceVersion?: string }; code?: number }) => {
        if (type === 'ERROR') podWatchLost = `pod watch ended: ${JSON.stringify(pod)}`;
        if (pod.metadata?.resourceVersion) resourceVersion = pod.metadata.resourceVersion;
        if (type === 'ADDED') podsAdded.set(pod.metadata?.name ?? '', (podsAdded.get(pod.metadata?.name ?? '') ?? 0) + 1);
      },
      () => {
        if (!stopped && !podWatchLost) void start().catch((error: unknown) => (podWatchLost = `pod watch not resumed: ${String(error)}`));
      });
  };
  await start();
  return () => {
    stopped = true;
    request?.abort();
  };
}
let podWatchLost = '';

beforeAll(async () => {
  kube = await startKubeMode('faults', {
    env,
    beforeStart: async (ns) => {
      stopWatch = await countPodsAdded(ns);
    },
  });
  capstan = kube.capstan;
});
afterAll(async () => {
  stopWatch?.();
  await capstan?.stop();
  await kube?.stop();
  // Whatever happened, leave the bed's API server running for the next test file.
  await run(testCluster, ['start-apiserver']).catch(() => {});
});

describe('controller faults in kubernetes mode', () => {
  it('loses nothing and creates no pod twice when killed at random points while 200 workflows run', async () => {
    const { random } = killSchedule();
    const names = Array.from({ length: 200 }, (_, i) => `wf-${i}`);
    const creating = (async () => {
      for (let i = 0; i < names.length; i += 20) await Promise.all(names.slice(i, i + 20).map((n) => kube.cluster.create('workflows', kube.namespace, twoPods(n))));
    })();
    for (let kill = 0; kill < 3; kill++) {
      await sleep(500 + random() * 3500);
      await capstan.kill();
      await restart();
    }
    await creating;
    const done = await until('all 200 workflows finished', () => workflows(kube.namespace), (items) => items.filter((w) => finished.has(w.status?.phase ?? '')).length === names.length);
    expect(done).toHaveLength(names.length);
    expect(done.filter((w) => w.status?.phase !== 'Succeeded').map((w) => `${w.metadata.name}: ${w.status?.phase} ${w.status?.message ?? ''}`)).toEqual([]);
    for (const w of done) expect(Object.values(w.status?.nodes ?? {}).filter((n) => n.type === 'Pod' && n.phase === 'Succeeded')).toHaveLength(2);
    // Pods are created once each across every restart (the watch counts ADDED events by pod name).
    await sleep(1000);
    expect(podWatchLost).toBe('');
    expect([...podsAdded].filter(([, n]) => n > 1)).toEqual([]);
    expect(podsAdded.size).toBe(names.length * 2);
  }, 600_000);

  // The restarted API server answers (and grants the lease) a few seconds before it serves Argo's kinds again, so
  // the leader's first controller start after the outage fails: it is retried, not left undone (leader-elector.ts).
  it('rides out a stopped kube-apiserver with clear errors and backoff, then finishes what it was running', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `outage-${i}`);
    for (const n of names) await kube.cluster.create('workflows', kube.namespace, twoPods(n));
    const before = capstan.output().length;
    await run(testCluster, ['stop-apiserver']);
    const stoppedAt = Date.now();
    // While the API server is gone the API answers with Argo's error shape (503, naming the cause), not a hang.
    const listed = await fetch(`${capstan.url}/api/v1/workflows/${kube.namespace}`, { signal: AbortSignal.timeout(20_000) });
    expect(listed.status).toBe(503);
    expect(await listed.json()).toMatchObject({ code: 14, message: expect.stringMatching(/kubernetes API unreachable/) });
    await sleep(Math.max(0, 20_000 - (Date.now() - stoppedAt)));
    expect(capstan.child.exitCode).toBeNull();
    const during = capstan.output().slice(before);
    // Clear errors: the log says what is unreachable; backoff: a handful of lines, not one per retry per second.
    expect(during).toMatch(/kube-apiserver unreachable/);
    const errorLines = during.split('\n').filter((l) => /"level":(40|50)/.test(l));
    console.log(`log lines during a 20 s outage: ${errorLines.length}\n${errorLines.slice(0, 12).join('\n')}`);
    expect(errorLines.length).toBeLessThan(40);
    await run(testCluster, ['start-apiserver']);
    const done = await until('outage workflows finished', async () => (await workflows(kube.namespace)).filter((w) => names.includes(w.metadata.name ?? '')),
      (items) => items.length === names.length && items.every((w) => finished.has(w.status?.phase ?? '')));
    expect(done.map((w) => w.status?.phase)).toEqual(names.map(() => 'Succeeded'));
    expect(capstan.output().slice(before)).toMatch(/kube-apiserver reachable again/);
  }, 300_000);

  it('waits for a kube-apiserver that is down at start-up instead of exiting', async () => {
    await capstan.stop();
    await run(testCluster, ['stop-apiserver']);
    let started: CapstanProcess | undefined;
    let failed: unknown;
    const starting = startCapstan(kubeModeFlags(kube.namespace), env).then((c) => (started = c), (error: unknown) => (failed = error));
    await sleep(12_000);
    expect(failed).toBeUndefined();
    expect(started).toBeUndefined();
    await run(testCluster, ['start-apiserver']);
    await starting;
    expect(failed).toBeUndefined();
    capstan = started!;
    expect(capstan.output()).toMatch(/kube-apiserver unreachable/);
    expect(capstan.output()).toMatch(/kube-apiserver reachable again/);
    await kube.cluster.create('workflows', kube.namespace, twoPods('after-start'));
    await until('after-start finished', () => kube.cluster.get<Workflow & KubeObject>('workflows', kube.namespace, 'after-start'), (w) => w.status?.phase === 'Succeeded');
  }, 300_000);
});
