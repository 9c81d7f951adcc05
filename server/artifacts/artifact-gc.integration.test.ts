import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { type CapstanProcess, freePort, startCapstan } from '../testing/capstan-process';
import { type KubeModeCapstan, kubeModeFlags, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';
import { minio, minioRepository } from './testing/artifact-bed';

// Artifact GC on deletion in kubernetes mode, on the test bed's API server and MinIO: Argo's finalizer holds a
// deleted workflow until its artifacts are deleted, also when Capstan was down at the time of the deletion; a
// deletion that fails keeps the workflow with an ArtifactGCError condition until forceFinalizerRemoval lets it go.
const bed = testBed();
const env = { KUBECONFIG: bed.kubeconfig(), LEADER_ELECTION_IDENTITY: 'capstan-artifact-gc' };
const finalizer = 'workflows.argoproj.io/artifact-gc';
const bucket = `gc-${Date.now().toString(36)}`;
let kube: KubeModeCapstan;
let capstan: CapstanProcess;
const until = untilWith({ timeoutMs: 90_000, intervalMs: 300, output: () => capstan?.output() });

/** A finished workflow as Capstan leaves it: one pod node with two saved outputs, Argo's finalizer on it. */
function finishedWorkflow(name: string, repository: object, spec: Record<string, unknown> = {}): KubeObject {
  const node = {
    id: name, name, displayName: name, type: 'Pod', phase: 'Succeeded', templateName: 'main',
    outputs: { artifacts: [{ name: 'a', path: '/tmp/a', s3: { key: `${name}/${name}/a.tgz` } }, { name: 'b', path: '/tmp/b', s3: { key: `${name}/${name}/b.tgz` } }] },
  };
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow',
    metadata: { name, finalizers: [finalizer], labels: { 'workflows.argoproj.io/phase': 'Succeeded', 'workflows.argoproj.io/completed': 'true' } },
    spec: { entrypoint: 'main', artifactGC: { strategy: 'OnWorkflowDeletion', ...spec }, templates: [{ name: 'main', container: { image: 'busybox' } }] },
    status: { phase: 'Succeeded', artifactRepositoryRef: { default: true, artifactRepository: repository }, nodes: { [name]: node } },
  } as unknown as KubeObject;
}

const getWorkflow = (name: string) => kube.cluster.get<Workflow & KubeObject>('workflows', kube.namespace, name).catch(() => undefined);

beforeAll(async () => {
  const s3 = minio();
  await s3.client.createBucket(bucket);
  kube = await startKubeMode('artifact-gc', {
    env,
    beforeStart: async (namespace, core) => {
      await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'minio-creds' }, stringData: { accesskey: s3.accessKey, secretkey: s3.secretKey } } });
    },
  });
  capstan = kube.capstan;
}, 300_000);
afterAll(async () => {
  await capstan?.stop();
  await kube?.stop();
});

describe('artifact GC on deletion (kubernetes mode)', () => {
  it('adds Argo’s finalizer to a workflow whose artifacts are collected on deletion', async () => {
    await kube.cluster.create('workflows', kube.namespace, {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'gets-finalizer' },
      spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' }, outputs: { artifacts: [{ name: 'x', path: '/tmp/x', artifactGC: { strategy: 'OnWorkflowDeletion' } }] } }] },
    } as unknown as KubeObject);
    await until('the finalizer on gets-finalizer', () => getWorkflow('gets-finalizer'), (w) => !!w?.metadata.finalizers?.includes(finalizer));
    // Nothing was saved (kwok runs no argoexec): the deletion has nothing to collect and goes through.
    await kube.cluster.delete('workflows', kube.namespace, 'gets-finalizer');
    await until('gets-finalizer gone', () => getWorkflow('gets-finalizer'), (w) => w === undefined);
  });

  it('collects the artifacts of a workflow deleted while Capstan was down, then lets it go', async () => {
    const { client } = minio();
    const name = 'deleted-while-down';
    for (const key of [`${name}/${name}/a.tgz`, `${name}/${name}/b.tgz`, 'other/keep.tgz']) await client.putObject(bucket, key, 'bytes');
    await capstan.stop();
    await kube.cluster.create('workflows', kube.namespace, finishedWorkflow(name, minioRepository(bucket)));
    await kube.cluster.delete('workflows', kube.namespace, name);
    // Nobody collects: the finalizer holds it.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await getWorkflow(name))?.metadata.deletionTimestamp).toBeTruthy();

    capstan = await startCapstan(kubeModeFlags(kube.namespace), env);
    await until(`${name} gone`, () => getWorkflow(name), (w) => w === undefined);
    expect(await client.listKeys(bucket)).toEqual(['other/keep.tgz']);
  });

  it('keeps a workflow whose artifacts could not be deleted, reports it, and lets it go with forceFinalizerRemoval', async () => {
    const name = 'unreachable-store';
    const closedPort = await freePort();
    const unreachable = { s3: { ...minioRepository(bucket).s3, endpoint: `127.0.0.1:${closedPort}` } };
    await kube.cluster.create('workflows', kube.namespace, finishedWorkflow(name, unreachable));
    await kube.cluster.delete('workflows', kube.namespace, name);
    const held = (await until(`${name} with an ArtifactGCError condition`, () => getWorkflow(name), (w) => !!w?.status?.conditions?.some((c) => c.type === 'ArtifactGCError')))!;
    const condition = held.status?.conditions?.find((c) => c.type === 'ArtifactGCError');
    expect(condition?.message).toMatch(/failed to delete artifacts: a \(node unreachable-store\): .*ECONNREFUSED/);
    expect(held.status?.artifactGCStatus?.strategiesProcessed).toEqual({ OnWorkflowDeletion: true });
    expect(held.metadata.finalizers).toContain(finalizer);

    // And as Argo's controller reports it: one Warning Event on the workflow (not one per retry)…
    const selector = `involvedObject.kind=Workflow,involvedObject.name=${name}`;
    // Written in the background by the controller's event recorder: wait for it.
    const events = await until(`${name}'s Event`, async () => (await kube.core.listNamespacedEvent({ namespace: kube.namespace, fieldSelector: selector })).items, (items) => items.length > 0);
    expect(events.map((e) => ({ type: e.type, reason: e.reason, component: e.source?.component, uid: e.involvedObject.uid, count: e.count }))).toEqual([
      { type: 'Warning', reason: 'ArtifactGCFailed', component: 'workflow-controller', uid: held.metadata.uid, count: 1 },
    ]);
    expect(events[0]?.message).toMatch(/^Artifact Garbage Collection failed for strategy OnWorkflowDeletion, err:a \(node unreachable-store\): .*ECONNREFUSED/);
    // …that argo-server's event stream (the UI's events panel) shows.
    const abort = new AbortController();
    const stream = await fetch(`${capstan.url}/api/v1/stream/events/${kube.namespace}?listOptions.fieldSelector=${encodeURIComponent(selector)}`, { signal: abort.signal });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('ArtifactGCFailed')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(JSON.parse(text.trim().split('\n')[0]!)).toMatchObject({ result: { reason: 'ArtifactGCFailed', type: 'Warning', involvedObject: { name } } });

    // The user gives up on those objects: the next reconcile lets the workflow go.
    await kube.cluster.update('workflows', kube.namespace, { ...held, spec: { ...held.spec, artifactGC: { ...held.spec?.artifactGC, forceFinalizerRemoval: true } } } as unknown as KubeObject);
    await until(`${name} gone`, () => getWorkflow(name), (w) => w === undefined);
  });
});
