import { Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// The pod start window on the test bed: a DAG of 40 tasks under `--pod-start-window 5` never has many more than 5
// pods created and not started, still creates each pod once, and saves its progress while the pods are created.
const bed = testBed();
const window = 5;
let kube: KubeModeCapstan;
const phases = new Map<string, string>();
const added = new Map<string, number>();
let mostStarting = 0;
let stopWatch: (() => void) | undefined;
const until = untilWith({ timeoutMs: 120_000, intervalMs: 250, output: () => kube?.capstan.output() });

const wideDag = (name: string, width: number): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'root', template: 'work' }, ...Array.from({ length: width }, (_, i) => ({ name: `t${i}`, template: 'work', depends: 'root' }))] } },
      { name: 'work', container: { image: 'busybox', command: ['true'] } },
    ],
  },
} as unknown as KubeObject);

beforeAll(async () => {
  kube = await startKubeMode('start-window', {
    env: { KUBECONFIG: bed.kubeconfig(), CAPSTAN_POD_START_WINDOW: String(window) },
    beforeStart: async (namespace) => {
      const watch = new Watch(loadKubeConfig(bed.kubeconfig()));
      const request = await watch.watch(`/api/v1/namespaces/${namespace}/pods`, {},
        (type: string, pod: { metadata?: { name?: string }; status?: { phase?: string } }) => {
          const name = pod.metadata?.name ?? '';
          if (type === 'ADDED') added.set(name, (added.get(name) ?? 0) + 1);
          if (type === 'DELETED') phases.delete(name);
          else phases.set(name, pod.status?.phase ?? 'Pending');
          mostStarting = Math.max(mostStarting, [...phases.values()].filter((p) => p === 'Pending').length);
        }, () => {});
      stopWatch = () => request.abort();
    },
  });
});
afterAll(async () => {
  stopWatch?.();
  await kube?.stop();
});

it('creates a wide DAG’s pods only as fast as the cluster starts them, each once, saving progress meanwhile', async () => {
  await kube.cluster.create('workflows', kube.namespace, wideDag('wide', 40));
  const progressSeen = new Set<string>();
  const done = await until('the DAG finishes', async () => {
    const wf = await kube.cluster.get<Workflow & KubeObject>('workflows', kube.namespace, 'wide');
    if (wf.status?.progress) progressSeen.add(wf.status.progress);
    return wf;
  }, (wf) => ['Succeeded', 'Failed', 'Error'].includes(wf.status?.phase ?? ''));
  expect(done.status?.phase).toBe('Succeeded');
  expect(added.size).toBe(41);
  expect([...added.values()].every((n) => n === 1)).toBe(true);
  // Capstan's informer and this watch see a pod start at slightly different moments.
  expect(mostStarting).toBeLessThanOrEqual(window + 2);
  // The status was saved between the root's progress (1/41) and the end, while the 40 pods were being created.
  expect([...progressSeen].some((p) => p !== '1/41' && p !== '41/41' && p.endsWith('/41'))).toBe(true);
});
