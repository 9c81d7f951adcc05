import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import { testBed, uniqueNamespace } from '../testing/test-bed';
import { KubeCluster, loadKubeConfig } from './kube-cluster';

// Against the real kube-apiserver of the test bed, through @kubernetes/client-node.
const bed = testBed();
const namespace = uniqueNamespace('kube-cluster');
let cluster: KubeCluster;
let core: CoreV1Api;

beforeAll(async () => {
  const config = loadKubeConfig(bed.kubeconfig());
  cluster = new KubeCluster(config);
  core = config.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
});
afterAll(async () => {
  await core?.deleteNamespace({ name: namespace }).catch(() => {});
});

const workflow: KubeObject = {
  metadata: { generateName: 'hello-', labels: { suite: 'kube-cluster' } },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['echo', 'hi'] } }] },
};

describe('KubeCluster against kube-apiserver', () => {
  it('creates a Workflow and reads it back', async () => {
    const created = await cluster.create('workflows', namespace, workflow);
    expect(created.metadata.name).toMatch(/^hello-/);
    expect(created.kind).toBe('Workflow');
    const read = await cluster.get<KubeObject>('workflows', namespace, created.metadata.name!);
    expect(read['spec']).toEqual(workflow['spec']);
    expect(read.metadata.uid).toBe(created.metadata.uid);

    const listed = await cluster.list('workflows', namespace, { labelSelector: 'suite=kube-cluster' });
    expect(listed.items.map((i) => i.metadata.name)).toContain(created.metadata.name);
    expect(listed.resourceVersion).not.toBe('');
  });

  it('maps Kubernetes failures to Argo error codes', async () => {
    await expect(cluster.get('workflows', namespace, 'absent')).rejects.toMatchObject({ code: 5, httpStatus: 404 });
    const created = await cluster.create('workflows', namespace, { ...workflow, metadata: { name: 'fixed' } });
    await expect(cluster.create('workflows', namespace, { ...workflow, metadata: { name: 'fixed' } })).rejects.toMatchObject({ code: 6 });
    await cluster.update('workflows', namespace, { ...created, metadata: { ...created.metadata, labels: { v: '2' } } });
    await expect(cluster.update('workflows', namespace, created)).rejects.toMatchObject({ code: 10, httpStatus: 409 });
    await cluster.delete('workflows', namespace, 'fixed');
    await expect(cluster.get('workflows', namespace, 'fixed')).rejects.toMatchObject({ code: 5 });
  });

  it('denies a user without RBAC rights', async () => {
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'bed', server: bed.kubeServer(), skipTLSVerify: true }],
      users: [{ name: 'alice', token: bed.userToken() }],
      contexts: [{ name: 'bed', cluster: 'bed', user: 'alice' }],
      currentContext: 'bed',
    });
    await expect(new KubeCluster(config).list('workflows', namespace)).rejects.toMatchObject({ code: 7, httpStatus: 403 });
  });

  it('streams watch events', async () => {
    const events: string[] = [];
    const controller = new AbortController();
    await cluster.watch('workflows', namespace, (e) => events.push(`${e.type} ${e.object.metadata.name}`), controller.signal);
    await cluster.create('workflows', namespace, { ...workflow, metadata: { name: 'watched' } });
    await expect.poll(() => events, { timeout: 10_000 }).toContain('ADDED watched');
    controller.abort();
  });
});
