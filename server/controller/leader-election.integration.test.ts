import { CoordinationV1Api, CoreV1Api, Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { testBed, uniqueNamespace } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// Two Capstans in kubernetes mode on one cluster and namespace: one leads (holds the `workflow-controller` Lease,
// as Argo's controller) and runs the controllers, both serve the API. Killing the leader mid-run hands control to
// the other within the lease duration; every workflow finishes and no pod is ever created twice.
const bed = testBed();
const namespace = uniqueNamespace('leader');
const replicas: Record<string, CapstanProcess> = {};
let cluster: KubeCluster;
let core: CoreV1Api;
let leases: CoordinationV1Api;
const podsAdded = new Map<string, number>();
let stopWatch: (() => void) | undefined;

const twoSteps = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', steps: [[{ name: 'one', template: 'echo' }], [{ name: 'pause', template: 'pause' }], [{ name: 'two', template: 'echo' }]] },
      { name: 'echo', container: { image: 'busybox', command: ['echo', 'hi'] } },
      { name: 'pause', suspend: { duration: '3s' } },
    ],
  },
} as unknown as KubeObject);

const holder = async () => (await leases.readNamespacedLease({ name: 'workflow-controller', namespace }).catch(() => undefined))?.spec?.holderIdentity ?? '';

const until = untilWith({
  timeoutMs: 60_000,
  intervalMs: 100,
  output: () => Object.entries(replicas).map(([id, r]) => `--- ${id}\n${r.output().slice(-1500)}`).join('\n'),
});

beforeAll(async () => {
  const config = loadKubeConfig(bed.kubeconfig());
  cluster = new KubeCluster(config);
  core = config.makeApiClient(CoreV1Api);
  leases = config.makeApiClient(CoordinationV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const request = await new Watch(config).watch(`/api/v1/namespaces/${namespace}/pods`, {}, (type: string, pod: { metadata?: { name?: string } }) => {
    if (type === 'ADDED') podsAdded.set(pod.metadata?.name ?? '', (podsAdded.get(pod.metadata?.name ?? '') ?? 0) + 1);
  }, () => {});
  stopWatch = () => request.abort();
  const flags = ['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', namespace];
  const env = { KUBECONFIG: bed.kubeconfig(), LEADER_ELECTION_LEASE_DURATION: '8s', LEADER_ELECTION_RENEW_DEADLINE: '6s', LEADER_ELECTION_RETRY_PERIOD: '1s' };
  const [a, b] = await Promise.all([
    startCapstan(flags, { ...env, LEADER_ELECTION_IDENTITY: 'capstan-a' }),
    startCapstan(flags, { ...env, LEADER_ELECTION_IDENTITY: 'capstan-b' }),
  ]);
  replicas['capstan-a'] = a;
  replicas['capstan-b'] = b;
});
afterAll(async () => {
  stopWatch?.();
  await Promise.all(Object.values(replicas).map((r) => r.stop()));
  await core?.deleteNamespace({ name: namespace }).catch(() => {});
});

describe('leader election', () => {
  it('runs the controllers on one replica, fails over when it dies, and runs no workflow twice', async () => {
    await until('a leader', holder, (h) => h === 'capstan-a' || h === 'capstan-b');

    const names = Array.from({ length: 6 }, (_, i) => `wf-${i}`);
    for (const name of names) await cluster.create('workflows', namespace, twoSteps(name));
    // Kill the leader while the workflows are between their two pods.
    await until('first pods', async () => podsAdded.size, (n) => n >= names.length);
    const leader = await holder();
    const follower = leader === 'capstan-a' ? 'capstan-b' : 'capstan-a';
    expect(replicas[follower]!.output()).not.toContain('became leader');
    await replicas[leader]!.kill();
    const killedAt = Date.now();

    // The follower serves the API all along, and takes over once the lease has not been renewed for its duration.
    const listed = await fetch(`${replicas[follower]!.url}/api/v1/workflows/${namespace}`).then((r) => r.json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(names.length);
    await until('takeover', holder, (h) => h === follower, 30_000);
    const takeoverMs = Date.now() - killedAt;
    console.log(`leader failover: ${takeoverMs} ms after SIGKILL (lease 8 s, retry 1 s)`);
    expect(takeoverMs).toBeLessThan(15_000);

    for (const name of names) {
      const wf = await until(`${name} done`, () => cluster.get<Workflow & KubeObject>('workflows', namespace, name), (w) => ['Succeeded', 'Failed', 'Error'].includes(w.status?.phase ?? ''));
      expect(wf.status?.phase).toBe('Succeeded');
      const podNodes = Object.values(wf.status?.nodes ?? {}).filter((n) => n.type === 'Pod');
      expect(podNodes).toHaveLength(2);
    }
    // Each pod was created exactly once, across both replicas.
    expect([...podsAdded.values()].every((n) => n === 1)).toBe(true);
    expect(podsAdded.size).toBe(names.length * 2);
  });
});
