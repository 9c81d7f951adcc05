import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { testBed, uniqueNamespace } from '../testing/test-bed';

// `argo retry` in kubernetes mode: the failed pod of the first attempt still exists under the same name; the retried
// node must get a new pod, not the old pod's failure. The same retry on Argo v3.7.9 (argo server + controller)
// ends the same way. The exit code kwok gives the pod comes from a parameter, so the retry can fix it.
const bed = testBed();
const namespace = uniqueNamespace('kube-retry');
let capstan: CapstanProcess;
let cluster: KubeCluster;
let core: CoreV1Api;
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

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 40_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 400)}\n${capstan?.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
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
  const config = loadKubeConfig(bed.kubeconfig());
  cluster = new KubeCluster(config);
  core = config.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const request = await new Watch(config).watch(`/api/v1/namespaces/${namespace}/pods`, {}, (type: string, pod: { metadata?: { name?: string } }) => {
    if (type === 'ADDED') podsAdded.set(pod.metadata?.name ?? '', (podsAdded.get(pod.metadata?.name ?? '') ?? 0) + 1);
  }, () => {});
  stopWatch = () => request.abort();
  capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', namespace], { KUBECONFIG: bed.kubeconfig() });
});
afterAll(async () => {
  stopWatch?.();
  await capstan?.stop();
  await core?.deleteNamespace({ name: namespace }).catch(() => {});
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
    const counts = [...podsAdded.values()].sort();
    expect(counts).toEqual([1, 2]);
  });
});
