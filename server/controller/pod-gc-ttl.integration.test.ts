import type { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { KubeCluster } from '../cluster/kube-cluster';
import type { CapstanProcess } from '../testing/capstan-process';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// Pod GC and ttlStrategy in kubernetes mode, side by side with Argo v3.7.9's controller on the same cluster: the
// same workflows leave the same pods behind, carry the same pod-gc annotation, and TTL deletes the workflow.
const bed = testBed();
let kube: KubeModeCapstan;
let namespace: string;
let capstan: CapstanProcess;
let cluster: KubeCluster;
let core: CoreV1Api;

const workflow = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [{ name: 'a', template: 'ok' }, { name: 'b', template: 'bad', depends: 'a' }] } },
      { name: 'ok', metadata: { labels: { gc: 'yes' } }, container: { image: 'busybox', command: ['echo', 'ok'] } },
      { name: 'bad', metadata: { annotations: { 'kwok.capstan.test/exit-code': '3' } }, container: { image: 'busybox', command: ['sh', '-c', 'exit 3'] } },
    ],
    ...spec,
  },
} as unknown as KubeObject);

const cases: Record<string, Record<string, unknown>> = {
  'on-pod-success': { podGC: { strategy: 'OnPodSuccess', deleteDelayDuration: '1s' } },
  'on-workflow-completion-selected': { podGC: { strategy: 'OnWorkflowCompletion', deleteDelayDuration: '0s', labelSelector: { matchLabels: { gc: 'yes' } } } },
  'on-workflow-success': { podGC: { strategy: 'OnWorkflowSuccess', deleteDelayDuration: '0s' } },
  'on-pod-completion': { podGC: { strategy: 'OnPodCompletion', deleteDelayDuration: '0s' } },
};

const until = untilWith({ timeoutMs: 40_000, intervalMs: 250, output: () => capstan?.output() });

const getWorkflow = (ns: string, name: string) => cluster.get<Workflow & KubeObject>('workflows', ns, name).catch(() => undefined);
const podsOf = async (ns: string, name: string) =>
  (await core.listNamespacedPod({ namespace: ns, labelSelector: `workflows.argoproj.io/workflow=${name}` })).items;
const nodeNameOf = (pod: V1Pod, wf: string) => (pod.metadata?.annotations?.['workflows.argoproj.io/node-name'] ?? '').replace(wf, 'WF');

/** Runs one case on a controller and reports the pods left 4 s after completion and each pod's GC annotation. */
async function run(ns: string, name: string, spec: Record<string, unknown>) {
  const annotations = new Map<string, string>();
  await cluster.create('workflows', ns, workflow(name, spec));
  const done = await until(`${ns}/${name} completes`, async () => {
    for (const pod of await podsOf(ns, name)) annotations.set(nodeNameOf(pod, name), pod.metadata?.annotations?.['workflows.argoproj.io/pod-gc-strategy'] ?? '');
    return getWorkflow(ns, name);
  }, (w) => ['Succeeded', 'Failed', 'Error'].includes(w?.status?.phase ?? ''));
  await new Promise((r) => setTimeout(r, 4000));
  const left = (await podsOf(ns, name)).map((p) => nodeNameOf(p, name)).sort();
  return { phase: done?.status?.phase, left, annotations: Object.fromEntries([...annotations].sort()) };
}

beforeAll(async () => {
  kube = await startKubeMode('pod-gc');
  ({ namespace, cluster, core, capstan } = kube);
});
afterAll(() => kube?.stop());

describe('pod GC', () => {
  for (const [name, spec] of Object.entries(cases)) {
    it(`${name}: leaves the pods Argo's controller leaves, with its annotation`, async () => {
      const suffix = Date.now().toString(36);
      const [ours, argo] = await Promise.all([run(namespace, `${name}-${suffix}`, spec), run(bed.oracleNamespace(), `${name}-${suffix}`, spec)]);
      expect(ours).toEqual(argo);
    });
  }
});

describe('ttlStrategy', () => {
  it('deletes the workflow after secondsAfterFailure, as Argo does', async () => {
    const suffix = Date.now().toString(36);
    const spec = { ttlStrategy: { secondsAfterFailure: 2, secondsAfterSuccess: 600 } };
    for (const ns of [namespace, bed.oracleNamespace()]) await cluster.create('workflows', ns, workflow(`ttl-${suffix}`, spec));
    for (const ns of [namespace, bed.oracleNamespace()]) {
      await until(`${ns} workflow deleted`, () => getWorkflow(ns, `ttl-${suffix}`), (w) => w === undefined, 40_000);
    }
    expect(capstan.output()).toContain('deleting garbage collected workflow');
  });
});
