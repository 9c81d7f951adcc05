import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { testBed, uniqueNamespace } from '../testing/test-bed';

// EventService: an event posted to /api/v1/events/{ns}/{discriminator} submits the WorkflowTemplate of every
// WorkflowEventBinding whose selector matches, with parameters from the event. The same template, binding and
// event go to Capstan (kubernetes mode) and to argo-server v3.7.9 (the oracle); the workflows both create must agree.
const bed = testBed();
const ns = uniqueNamespace('events');
let capstan: CapstanProcess;
let kube: KubeCluster;
const suffix = Date.now().toString(36);

const template = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: `on-event-${suffix}` },
  spec: {
    entrypoint: 'main',
    workflowMetadata: { labels: { from: 'template' } },
    arguments: { parameters: [{ name: 'message', value: 'none' }, { name: 'count', value: '0' }] },
    templates: [{ name: 'main', container: { image: 'busybox', command: ['echo', '{{workflow.parameters.message}}'] } }],
  },
};
const binding = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowEventBinding', metadata: { name: `binding-${suffix}` },
  spec: {
    event: { selector: `payload.message != "" && discriminator == "deploy" && metadata["x-team"][0] == "platform"` },
    submit: {
      workflowTemplateRef: { name: `on-event-${suffix}` },
      metadata: { labels: { team: 'metadata["x-team"][0]' } },
      arguments: { parameters: [{ name: 'message', valueFrom: { event: 'payload.message' } }, { name: 'count', valueFrom: { event: 'payload.count' } }] },
    },
  },
};

async function post(base: string, namespace: string, discriminator: string, body: unknown, team = 'platform') {
  const response = await fetch(`${base}/api/v1/events/${namespace}/${discriminator}`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-team': team, authorization: 'Bearer unused' },
  });
  return { status: response.status, body: await response.json() };
}

async function createdBy(list: () => Promise<Workflow[]>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const items = await list();
    if (items.length || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 200));
  }
}

// What must agree: how the workflow is named, labelled and parameterised.
const shape = (wf: Workflow) => ({
  generateName: wf.metadata.generateName?.replace(suffix, 'S'),
  labels: Object.fromEntries(Object.entries(wf.metadata.labels ?? {})
    .filter(([k]) => !['workflows.argoproj.io/phase', 'workflows.argoproj.io/completed', 'workflows.argoproj.io/creator'].includes(k) && !k.startsWith('capstan.io/'))
    .map(([k, v]) => [k, v.replace(suffix, 'S')])),
  spec: JSON.parse(JSON.stringify(wf.spec).replaceAll(suffix, 'S')),
});

// The oracle's namespace is shared by every run: bindings left by an earlier run would answer for this one.
async function removeOracleBindings() {
  const { items } = await kube.list('workfloweventbindings', bed.oracleNamespace());
  for (const b of items) await kube.delete('workfloweventbindings', bed.oracleNamespace(), b.metadata.name ?? '').catch(() => {});
}

beforeAll(async () => {
  const config = loadKubeConfig(bed.kubeconfig());
  kube = new KubeCluster(config);
  await removeOracleBindings();
  await config.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: ns } } });
  capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', ns], { KUBECONFIG: bed.kubeconfig() });
  for (const namespace of [ns, bed.oracleNamespace()]) {
    await kube.create('workflowtemplates', namespace, template as unknown as KubeObject);
    await kube.create('workfloweventbindings', namespace, binding as unknown as KubeObject);
  }
});
afterAll(async () => {
  await capstan?.stop();
  await removeOracleBindings().catch(() => {});
  await loadKubeConfig(bed.kubeconfig()).makeApiClient(CoreV1Api).deleteNamespace({ name: ns }).catch(() => {});
});

const listByBinding = (namespace: string) => async () =>
  (await kube.list<Workflow & KubeObject>('workflows', namespace, { labelSelector: `workflows.argoproj.io/workflow-event-binding=binding-${suffix}` })).items;

describe('EventService', () => {
  it('submits the bound template with parameters from the event, as argo-server does', async () => {
    const event = { message: 'hello', count: 3 };
    const ours = await post(capstan.url, ns, 'deploy', event);
    const argo = await post(`http://${bed.argoServer()}`, bed.oracleNamespace(), 'deploy', event);
    expect(ours).toEqual(argo);
    expect(ours).toEqual({ status: 200, body: {} });
    const [mine, theirs] = await Promise.all([createdBy(listByBinding(ns)), createdBy(listByBinding(bed.oracleNamespace()))]);
    expect(mine).toHaveLength(1);
    // The template's workflowMetadata labels: Argo v4.1.2 (Capstan's target) copies them; whether the v3.7.9 oracle
    // shows them by the time it is read depends on its controller having operated the workflow, so compare the rest.
    const [ourShape, theirShape] = [shape(mine[0]!), shape(theirs[0]!)];
    expect(ourShape.labels['from']).toBe('template');
    delete ourShape.labels['from'];
    delete theirShape.labels['from'];
    expect(ourShape).toEqual(theirShape);
    expect(mine[0]!.spec.arguments?.parameters).toEqual([{ name: 'message', value: 'hello' }, { name: 'count', value: '3' }]);
  });

  it('ignores events the selector does not match, and lists bindings', async () => {
    expect(await post(capstan.url, ns, 'other', { message: 'x' })).toEqual({ status: 200, body: {} });
    expect(await post(capstan.url, ns, 'deploy', { message: 'x' }, 'another-team')).toEqual({ status: 200, body: {} });
    expect(await listByBinding(ns)()).toHaveLength(1);
    const listed = await (await fetch(`${capstan.url}/api/v1/workflow-event-bindings/${ns}`)).json() as { items: { metadata: { name: string } }[] };
    expect(listed.items.map((b) => b.metadata.name)).toEqual([`binding-${suffix}`]);
  });

  it('reports a selector that does not evaluate as argo-server does', async () => {
    const broken = { ...binding, metadata: { name: `broken-${suffix}` }, spec: { ...binding.spec, event: { selector: 'payload.missing.deeper == 1' } } };
    for (const namespace of [ns, bed.oracleNamespace()]) await kube.create('workfloweventbindings', namespace, broken as unknown as KubeObject);
    const ours = await post(capstan.url, ns, 'deploy', { message: 'y' });
    const argo = await post(`http://${bed.argoServer()}`, bed.oracleNamespace(), 'deploy', { message: 'y' });
    expect(ours.status).toBe(argo.status);
    expect(ours.body.code).toBe(argo.body.code);
    console.log(`broken selector: capstan ${JSON.stringify(ours.body)} | argo ${JSON.stringify(argo.body)}`);
  });
});
