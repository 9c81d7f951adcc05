import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { untilWith } from '../testing/until';
import { postponedMessage } from './workflow-controller';

// Argo's per-namespace parallelism: the namespace label `workflows.argoproj.io/parallelism-limit` limits how many
// of its workflows run at once, and changing the label applies at once.
let kube: KubeModeCapstan;
const until = untilWith({ timeoutMs: 30_000, output: () => kube?.capstan.output() });
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const waiting = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name },
  spec: { entrypoint: 'main', templates: [{ name: 'main', suspend: { duration: '30s' } }] },
} as unknown as KubeObject);
const label = (limit: string) => kube.core.patchNamespace({ name: kube.namespace, body: { metadata: { labels: { 'workflows.argoproj.io/parallelism-limit': limit } } } }, mergePatch);
const phaseOf = async (name: string) => (await kube.cluster.get<Workflow & KubeObject>('workflows', kube.namespace, name)).status;

beforeAll(async () => {
  kube = await startKubeMode('ns-parallelism', {
    beforeStart: (namespace, core) => core.patchNamespace({ name: namespace, body: { metadata: { labels: { 'workflows.argoproj.io/parallelism-limit': '1' } } } }, mergePatch).then(() => {}),
  });
});
afterAll(() => kube?.stop());

it('holds workflows beyond the namespace label limit, and lets them run when the label is raised', async () => {
  await kube.cluster.create('workflows', kube.namespace, waiting('first'));
  await until('first running', () => phaseOf('first'), (s) => s?.phase === 'Running');
  await kube.cluster.create('workflows', kube.namespace, waiting('second'));
  const held = await until('second postponed', () => phaseOf('second'), (s) => s?.phase === 'Pending');
  expect(held?.message).toBe(postponedMessage);
  await label('2');
  await until('second running', () => phaseOf('second'), (s) => s?.phase === 'Running');
  expect(kube.capstan.output()).toContain('namespace parallelism limit changed');
});
