import { Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { KubeCluster} from '../cluster/kube-cluster';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import type { CapstanProcess } from '../testing/capstan-process';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// `argo retry` in kubernetes mode: the failed pod of the first attempt still exists under the same name; the retried
// node must get a new pod, not the old pod's failure. The same retry on Argo v3.7.9 (argo server + controller)
// ends the same way. The exit code kwok gives the pod comes from a parameter, so the retry can fix it.
const bed = testBed();
let kube: KubeModeCapstan;
let namespace: string;
let capstan: CapstanProcess;
let cluster: KubeCluster;
const podsAdded = new Map<string, number>();
let stopWatch: (() => void) | undefined;

const failing = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    arguments: { parameters: [{ name: 'code', value: '3' }] },
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'a', template: 'ok' }, { name: 'b', template: 'maybe', depends: 'a' }] } },
      { name: 'ok', container: { image: 'busybox', command: ['echo', 'ok'] } },
      {
        name: 'maybe', metadata: { annotations: { 'kwok.capstan.test/exit-code': '{{workflow.parameters.code}}' } },
        container: { image: 'busybox', command: ['sh', '-c', 'exit {{workflow.parameters.code}}'] },
      },
    ],
  },
} as unknown as KubeObject);

const until = untilWith({ timeoutMs: 40_000, output: () => capstan?.output() });
const finished = (w: Workflow | undefined) => ['Succeeded', 'Failed', 'Error'].includes(w?.status?.phase ?? '');
const getWorkflow = (ns: string, name: string) => cluster.get<Workflow & KubeObject>('workflows', ns, name);
const summary = (w: Workflow) => ({
  phase: w.status?.phase,
  nodes: Object.fromEntries((Object.values(w.status?.nodes ?? {}) as NodeStatus[]).map((n) => [n.displayName, { phase: n.phase, exitCode: n.outputs?.exitCode }])),
});

async function failThenRetry(server: string, ns: string, name: string) {
  await cluster.create('workflows', ns, failing(name));
  const first = await until(`${name} fails`, () => getWorkflow(ns, name), finished);
  await argoCli(bed.argoBin(), server, ['retry', '-n', ns, name, '-p', 'code=0']);
  // The retry resets the workflow to Running before it finishes again.
  await until(`${name} retried`, () => getWorkflow(ns, name), (w) => !finished(w) || w.status?.phase === 'Succeeded');
  const second = await until(`${name} finishes again`, () => getWorkflow(ns, name), finished);
  return { first: summary(first), second: summary(second) };
}

beforeAll(async () => {
  kube = await startKubeMode('kube-retry', {
    // Count pod creations from before Capstan starts, so a pod created twice cannot slip by.
    beforeStart: async (ns) => {
      const request = await new Watch(loadKubeConfig(bed.kubeconfig())).watch(`/api/v1/namespaces/${ns}/pods`, {}, (type: string, pod: { metadata?: { name?: string } }) => {
        if (type === 'ADDED') podsAdded.set(pod.metadata?.name ?? '', (podsAdded.get(pod.metadata?.name ?? '') ?? 0) + 1);
      }, () => {});
      stopWatch = () => request.abort();
    },
  });
  ({ namespace, cluster, capstan } = kube);
});
afterAll(async () => {
  stopWatch?.();
  await kube?.stop();
});

describe('retry in kubernetes mode', () => {
  it('gives the retried node a new pod and ends as Argo does', async () => {
    const name = `retry-${Date.now().toString(36)}`;
    const [ours, argo] = await Promise.all([
      failThenRetry(`127.0.0.1:${capstan.port}`, namespace, name),
      failThenRetry(bed.argoServer(), bed.oracleNamespace(), name),
    ]);
    expect(ours).toEqual(argo);
    expect(ours.second.phase).toBe('Succeeded');
    // `a` kept its pod; `b` had two: the failed one, deleted, and the new one.
    const counts = [...podsAdded.entries()].filter(([pod]) => pod.startsWith(`${name}-`)).map(([, count]) => count).sort();
    expect(counts).toEqual([1, 2]);
  });

  // Each retry replaces the failed pod with a new one of the same name, the moment the old one is gone: in the same
  // second as the old one was created too (creation times have second precision), and without a late delete of the
  // old pod hitting the new one (kwok's did, until the bed's pod-delete stage left finished pods alone).
  // Several workflows, each retried the moment it fails.
  it('replaces the failed pod also when the retry comes straight after the failure', async () => {
    const server = `127.0.0.1:${capstan.port}`;
    const names = Array.from({ length: 8 }, (_, i) => `again-${i}-${Date.now().toString(36)}`);
    const podsOf = (name: string) => [...podsAdded.entries()].filter(([pod]) => pod.startsWith(`${name}-maybe-`)).reduce((sum, [, count]) => sum + count, 0);
    const failedAgain = (w: Workflow | undefined) => w?.status?.phase === 'Failed' && Object.values(w.status.nodes ?? {}).some((n) => n.displayName === 'b' && n.phase === 'Failed');
    await Promise.all(names.map(async (name) => {
      await cluster.create('workflows', namespace, failing(name));
      for (let attempt = 2; attempt <= 3; attempt++) {
        await until(`${name} fails`, () => getWorkflow(namespace, name), failedAgain, 20_000);
        const { stdout } = await argoCli(bed.argoBin(), server, ['retry', '-n', namespace, name, '-o', 'json']);
        const retried = (JSON.parse(stdout) as KubeObject).metadata.resourceVersion;
        // Finished in a version written after the retry's: the run the retry started.
        const again = await until(`${name} fails again`, () => getWorkflow(namespace, name), (w) => finished(w) && w.metadata.resourceVersion !== retried);
        const b = Object.values(again.status?.nodes ?? {}).find((n) => n.displayName === 'b');
        expect(summary(again).nodes.b, `${name}: ${JSON.stringify(b)}`).toEqual({ phase: 'Failed', exitCode: '3' });
        expect(podsOf(name), `${name}: pods of b after attempt ${attempt}`).toBe(attempt);
      }
    }));
  });
});
