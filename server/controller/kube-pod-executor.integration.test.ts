import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CoreV1Api, V1Container, V1Pod } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { KubeCluster } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import type { CapstanProcess } from '../testing/capstan-process';
import { type KubeModeCapstan, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';

// Capstan in kubernetes mode runs the same workflows as Argo v3.7.9's controller (the oracle, in its own namespace)
// on the test bed's kwok node, and must end them the same way. kwok runs no container, so there are no task
// results and no outputs beyond exit codes, for either controller.
const bed = testBed();
let kube: KubeModeCapstan;
let namespace: string;
const fixture = (name: string) => fileURLToPath(new URL(`../testing/fixtures/${name}`, import.meta.url));
const completed = new Set(['Succeeded', 'Failed', 'Error']);
let capstan: CapstanProcess;
let cluster: KubeCluster;
let core: CoreV1Api;
const timings: Record<string, { capstan?: number; oracle?: number }> = {};

beforeAll(async () => {
  kube = await startKubeMode('kube-exec');
  ({ namespace, cluster, core, capstan } = kube);
});
afterAll(async () => {
  await kube?.stop();
  console.log(`timings (ms from create to completed phase): ${JSON.stringify(timings)}`);
});

async function waitForCompletion(ns: string, name: string, started: number): Promise<{ workflow: Workflow; ms: number }> {
  for (;;) {
    const workflow = await cluster.get<Workflow & KubeObject>('workflows', ns, name);
    if (completed.has(workflow.status?.phase ?? '')) return { workflow, ms: Date.now() - started };
    if (Date.now() - started > 60_000) throw new Error(`${ns}/${name} did not complete: ${JSON.stringify(workflow.status)}\n${capstan.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function runOnCapstan(file: string) {
  const started = Date.now();
  // YAML 1.1, as kubectl and the argo CLI read it (`mode: 0755` is octal).
  const created = await cluster.create('workflows', namespace, parse(readFileSync(fixture(file), 'utf8'), { version: '1.1' }) as KubeObject);
  const run = await waitForCompletion(namespace, created.metadata.name ?? '', started);
  (timings[file] ??= {}).capstan = run.ms;
  return run.workflow;
}

async function runOnOracle(file: string) {
  const ns = bed.oracleNamespace();
  const started = Date.now();
  const { stdout } = await argoCli(bed.argoBin(), bed.argoServer(), ['submit', '-n', ns, '-o', 'name', fixture(file)]);
  const run = await waitForCompletion(ns, stdout.trim(), started);
  (timings[file] ??= {}).oracle = run.ms;
  return run.workflow;
}

// What must match: each node's type, phase, message and exit code, by display name.
function summary(workflow: Workflow) {
  const nodes = Object.values(workflow.status?.nodes ?? {}) as NodeStatus[];
  return {
    phase: workflow.status?.phase,
    message: workflow.status?.message,
    nodes: Object.fromEntries(nodes.map((n) => [
      n.name === workflow.metadata.name ? '(root)' : n.displayName,
      { type: n.type, phase: n.phase, message: n.message, exitCode: n.outputs?.exitCode, hostNodeName: n.hostNodeName },
    ])),
  };
}

// A pod's shape without the names that differ between runs.
function podShape(pod: V1Pod, workflow: Workflow) {
  const named = (value: string) => value.replaceAll(workflow.metadata.name ?? '', 'WF').replaceAll(workflow.metadata.uid ?? '', 'UID');
  const container = (c: V1Container) => ({
    name: c.name,
    image: c.image,
    command: c.command,
    args: c.args,
    env: c.env?.map((e) => `${e.name}=${e.valueFrom ? 'fieldRef' : e.name === 'ARGO_TEMPLATE' ? 'json' : named(e.value ?? '')}`),
    volumeMounts: c.volumeMounts,
  });
  return {
    labels: Object.keys(pod.metadata?.labels ?? {}).sort(),
    annotations: Object.keys(pod.metadata?.annotations ?? {}).sort(),
    owner: pod.metadata?.ownerReferences?.map((o) => ({ ...o, name: '', uid: '' })),
    restartPolicy: pod.spec?.restartPolicy,
    initContainers: pod.spec?.initContainers?.map(container),
    containers: pod.spec?.containers.map(container),
    volumes: pod.spec?.volumes,
  };
}

async function podsOf(ns: string, workflow: string): Promise<V1Pod[]> {
  return (await core.listNamespacedPod({ namespace: ns, labelSelector: `workflows.argoproj.io/workflow=${workflow}` })).items;
}

describe('KubePodExecutor: Capstan runs Argo pods on the test bed like Argo does', () => {
  it('runs hello-world to Succeeded with the pod Argo builds', async () => {
    const [mine, oracle] = await Promise.all([runOnCapstan('hello-world.yaml'), runOnOracle('hello-world.yaml')]);
    expect(mine.status?.phase).toBe('Succeeded');
    expect(summary(mine)).toEqual(summary(oracle));

    const [myPod] = await podsOf(namespace, mine.metadata.name ?? '');
    const [oraclePod] = await podsOf(bed.oracleNamespace(), oracle.metadata.name ?? '');
    expect(myPod?.metadata?.name).toBe(mine.metadata.name);
    const shape = podShape(myPod!, mine);
    // Argo v4.1.2 (Capstan's model) also gives main ARGO_WORKFLOW_NAME; v3.7.9, the oracle, does not.
    shape.containers = shape.containers?.map((c) => ({ ...c, env: c.env?.filter((e) => !(c.name === 'main' && e.startsWith('ARGO_WORKFLOW_NAME='))) }));
    expect(shape).toEqual(podShape(oraclePod!, oracle));
    // Both controllers label a finished pod completed (Capstan once none of its pods is starting or running, checked
    // every second).
    await expect.poll(async () => (await podsOf(namespace, mine.metadata.name ?? ''))[0]?.metadata?.labels?.['workflows.argoproj.io/completed'], { timeout: 10_000 }).toBe('true');
  });

  it('runs failing-dag to Failed with the same node phases and messages', async () => {
    const [mine, oracle] = await Promise.all([runOnCapstan('failing-dag.yaml'), runOnOracle('failing-dag.yaml')]);
    expect(mine.status?.phase).toBe('Failed');
    expect(summary(mine)).toEqual(summary(oracle));
    const b = Object.values(mine.status?.nodes ?? {}).find((n) => n.displayName === 'b');
    expect(b?.message).toBe('main: Error (exit code 3)');
  });

  // Argo v4.1.2 (Capstan's model) also gives user containers ARGO_WORKFLOW_NAME; v3.7.9, the oracle, does not. A
  // step's node ID hashes the workflow's (generated) name, so it differs between the two runs.
  const withoutV4Env = (shape: ReturnType<typeof podShape>) => {
    const nodeId = (env: string[] | undefined) => env?.map((e) => (e.startsWith('ARGO_NODE_ID=WF-') ? 'ARGO_NODE_ID=WF-<step>' : e));
    return {
      ...shape,
      initContainers: shape.initContainers?.map((c) => ({ ...c, env: nodeId(c.env) })),
      containers: shape.containers?.map((c) => ({ ...c, env: nodeId(c.env?.filter((e) => !e.startsWith('ARGO_WORKFLOW_NAME='))) })),
    };
  };

  it('runs a containerSet step as Argo does: the same Container nodes and the same pod', async () => {
    const [mine, oracle] = await Promise.all([runOnCapstan('container-set.yaml'), runOnOracle('container-set.yaml')]);
    expect(mine.status?.phase).toBe('Succeeded');
    expect(summary(mine)).toEqual(summary(oracle));
    expect(mine.status?.progress).toBe(oracle.status?.progress);
    const group = (w: Workflow) => Object.values(w.status?.nodes ?? {}).find((n) => n.displayName === 'group')!;
    const [myPod] = (await podsOf(namespace, mine.metadata.name ?? '')).filter((p) => p.metadata?.annotations?.['workflows.argoproj.io/node-id'] === group(mine).id);
    const [oraclePod] = (await podsOf(bed.oracleNamespace(), oracle.metadata.name ?? ''))
      .filter((p) => p.metadata?.annotations?.['workflows.argoproj.io/node-id'] === group(oracle).id);
    expect(withoutV4Env(podShape(myPod!, mine))).toEqual(withoutV4Env(podShape(oraclePod!, oracle)));
  });

  it("runs a resource template in the argoexec pod Argo builds", async () => {
    const [mine, oracle] = await Promise.all([runOnCapstan('resource-create.yaml'), runOnOracle('resource-create.yaml')]);
    expect(summary(mine)).toEqual(summary(oracle));
    const [myPod] = await podsOf(namespace, mine.metadata.name ?? '');
    const [oraclePod] = await podsOf(bed.oracleNamespace(), oracle.metadata.name ?? '');
    expect(withoutV4Env(podShape(myPod!, mine))).toEqual(withoutV4Env(podShape(oraclePod!, oracle)));
  });

  it('runs a resource template whose manifest comes from an input artifact (manifestFrom) in the pod Argo builds', async () => {
    // argoexec reads the manifest from the artifact init staged; kwok runs neither, so the pods are what must match.
    const [mine, oracle] = await Promise.all([runOnCapstan('resource-manifest-from.yaml'), runOnOracle('resource-manifest-from.yaml')]);
    expect(summary(mine)).toEqual(summary(oracle));
    const [myPod] = await podsOf(namespace, mine.metadata.name ?? '');
    const [oraclePod] = await podsOf(bed.oracleNamespace(), oracle.metadata.name ?? '');
    expect(withoutV4Env(podShape(myPod!, mine))).toEqual(withoutV4Env(podShape(oraclePod!, oracle)));
    const templateOf = (pod: V1Pod) => JSON.parse(pod.spec?.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value ?? '{}') as { resource?: unknown };
    expect(templateOf(myPod!).resource).toEqual(templateOf(oraclePod!).resource);
  });

  it("memoizes in the cluster's ConfigMap as Argo does: the second run is a hit with the same node as the oracle's", async () => {
    const step = (w: Workflow) => Object.values(w.status?.nodes ?? {}).find((n) => n.displayName === 'a')!;
    const first = await runOnCapstan('memoized.yaml');
    expect(step(first).memoizationStatus).toEqual({ hit: false, key: 'k-one', cacheName: 'memo-cache' });
    const [second, oracleFirst] = await Promise.all([runOnCapstan('memoized.yaml'), runOnOracle('memoized.yaml')]);
    const oracleSecond = await runOnOracle('memoized.yaml');
    expect(oracleFirst.status?.phase).toBe('Succeeded');
    expect(summary(second)).toEqual(summary(oracleSecond));
    const { startedAt: _s, finishedAt: _f, id: _i, name: _n, boundaryID: _b, templateScope: _t, ...mine } = step(second);
    const { startedAt: _s2, finishedAt: _f2, id: _i2, name: _n2, boundaryID: _b2, templateScope: _t2, ...theirs } = step(oracleSecond);
    expect(mine).toEqual(theirs);
    const cache = await core.readNamespacedConfigMap({ namespace, name: 'memo-cache' });
    expect(cache.metadata?.labels).toEqual({ 'workflows.argoproj.io/configmap-type': 'Cache' });
    expect(JSON.parse(cache.data?.['k-one'] ?? '{}')).toMatchObject({ nodeID: step(first).id, outputs: { exitCode: '0' } });
  });

  it('ends a node in Error, without a pod, when Argo would not build its pod', async () => {
    const created = await cluster.create<KubeObject>('workflows', namespace, {
      metadata: { generateName: 'no-volume-' },
      spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['true'], volumeMounts: [{ name: 'missing', mountPath: '/m' }] } }] },
    });
    const { workflow } = await waitForCompletion(namespace, created.metadata.name ?? '', Date.now());
    expect(workflow.status?.phase).toBe('Error');
    expect(Object.values(workflow.status?.nodes ?? {})[0]?.message).toBe("volume 'missing' not found in workflow spec");
    expect(await podsOf(namespace, created.metadata.name ?? '')).toEqual([]);
  });

  it('loads input artifacts in the pod Argo builds: init with the template and the Secrets, main mounting each artifact', async () => {
    // Both controllers resolve the fixture's artifactRepositoryRef in their own namespace.
    const repository = { minio: 's3: {bucket: input-artifacts, endpoint: "127.0.0.1:9", insecure: true, accessKeySecret: {name: minio-creds, key: accesskey}, secretKeySecret: {name: minio-creds, key: secretkey}}\n' };
    for (const ns of [namespace, bed.oracleNamespace()]) {
      await core.deleteNamespacedConfigMap({ namespace: ns, name: 'input-artifacts-repo' }).catch(() => undefined);
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'input-artifacts-repo' }, data: repository } });
    }
    const [mine, oracle] = await Promise.all([runOnCapstan('input-artifacts.yaml'), runOnOracle('input-artifacts.yaml')]);
    // kwok completes the pods without running them: both workflows finish, their nodes alike.
    expect(mine.status?.phase).toBe('Succeeded');
    expect(summary(mine)).toEqual(summary(oracle));

    const podOf = async (ns: string, workflow: Workflow, step: string) => {
      const node = Object.values(workflow.status?.nodes ?? {}).find((n) => n.displayName === step)!;
      return (await podsOf(ns, workflow.metadata.name ?? '')).find((p) => p.metadata?.annotations?.['workflows.argoproj.io/node-id'] === node.id)!;
    };
    // ARGO_TEMPLATE as init reads it (field order aside: Go writes struct order), with the workflow's and the pod's
    // names (in the archive key) made alike.
    const templateOf = (pod: V1Pod, workflow: Workflow) => JSON.parse((pod.spec?.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value ?? '')
      .replaceAll(pod.metadata?.name ?? '', 'POD').replaceAll(workflow.metadata.name ?? '', 'WF')) as unknown;
    for (const step of ['consume', 'script']) {
      const [myPod, oraclePod] = await Promise.all([podOf(namespace, mine, step), podOf(bed.oracleNamespace(), oracle, step)]);
      expect(withoutV4Env(podShape(myPod, mine)), step).toEqual(withoutV4Env(podShape(oraclePod, oracle)));
      expect(templateOf(myPod, mine), step).toEqual(templateOf(oraclePod, oracle));
    }
    const consume = await podOf(namespace, mine, 'consume');
    const main = consume.spec?.containers.find((c) => c.name === 'main');
    // An artifact inside main's own volume is written into the volume by init; an optional one not given is not mounted.
    expect(main?.volumeMounts?.filter((m) => m.name === 'input-artifacts').map((m) => `${m.mountPath}=${m.subPath}`))
      .toEqual(['/tmp/args.txt=from-step-args', '/usr/local/bin/tool=tool', '/tmp/key-only=key-only']);
    expect(consume.spec?.volumes?.find((v) => v.name === 'minio-creds')?.secret?.items?.map((i) => i.key)).toEqual(['accesskey', 'secretkey']);
  });
});
