import { CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { type ArgoController, startArgoController } from '../testing/argo-controller';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { uniqueNamespace } from '../testing/test-bed';
import { untilWith } from '../testing/until';

// Argo's controller gzips a large node map into `status.compressedNodes` and leaves `status.nodes` empty. Here
// Argo v3.7.9 runs a small DAG with its size limit (MAX_WORKFLOW_SIZE) lowered so it compresses, as it would a
// 2,000-task DAG; Capstan must then show that workflow's nodes through its API like any other.
let kube: KubeModeCapstan;
let argo: ArgoController;
let argoNs: string;
const until = untilWith({ timeoutMs: 90_000, intervalMs: 500, output: () => argo?.output() });

const dag = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', dag: { tasks: [
        { name: 'root', template: 'echo' },
        ...['a', 'b', 'c', 'd'].map((t) => ({ name: t, template: 'echo', depends: 'root' })),
        { name: 'sink', template: 'echo', depends: 'a && b && c && d' },
      ] } },
      { name: 'echo', container: { image: 'busybox', command: ['echo', 'hi'] } },
    ],
  },
} as unknown as KubeObject);

beforeAll(async () => {
  kube = await startKubeMode('compressed-capstan');
  argoNs = uniqueNamespace('compressed-argo');
  await kube.core.createNamespace({ body: { metadata: { name: argoNs } } });
  argo = await startArgoController(kube.core, argoNs, { env: { MAX_WORKFLOW_SIZE: '4000', DEFAULT_REQUEUE_TIME: '1s' } });
});
afterAll(async () => {
  await argo?.stop();
  await kube?.core.deleteNamespace({ name: argoNs }).catch(() => {});
  await kube?.stop();
});

it("reads a workflow Argo's controller wrote with status.compressedNodes", async () => {
  await kube.cluster.create('workflows', argoNs, dag('big'));
  // Read raw, as Argo left it: done, with the nodes compressed.
  const raw = await until('Argo to finish the DAG', fetchRaw, (w) => w?.status?.phase === 'Succeeded');
  expect(raw?.status?.compressedNodes).toBeTruthy();
  expect(Object.keys(raw?.status?.nodes ?? {})).toHaveLength(0);

  const response = await fetch(`${kube.capstan.url}/api/v1/workflows/${argoNs}/big`);
  expect(response.status).toBe(200);
  const served = await response.json() as Workflow;
  expect(served.status?.compressedNodes).toBeUndefined();
  const nodes = Object.values(served.status?.nodes ?? {}) as NodeStatus[];
  expect(nodes.filter((n) => n.type === 'Pod').map((n) => n.displayName).sort()).toEqual(['a', 'b', 'c', 'd', 'root', 'sink']);
  expect(nodes.every((n) => n.phase === 'Succeeded')).toBe(true);
});

function fetchRaw(): Promise<Workflow | undefined> {
  const api = kube.config.makeApiClient(CustomObjectsApi);
  return api.getNamespacedCustomObject({ group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows', namespace: argoNs, name: 'big' })
    .then((w) => w as Workflow, () => undefined);
}
