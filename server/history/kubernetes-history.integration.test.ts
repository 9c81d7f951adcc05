import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { testBed, uniqueNamespace } from '../testing/test-bed';

// Build history in kubernetes mode on the real kube-apiserver, without an archive database: a local index with a
// notice on the pages; two replicas, of which only the leader runs the history indexer; the badge follows the
// auth mode (client mode: no token, an "unauthorized" badge).
const bed = testBed();
const namespace = uniqueNamespace('hist');
const clientNamespace = uniqueNamespace('histauth');
const replicas: CapstanProcess[] = [];
let client: CapstanProcess;
let cluster: KubeCluster;

const template = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name, annotations: { 'capstan.io/folder': 'team-a' } },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['true'] } }] },
} as unknown as KubeObject);

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 300)}\n${replicas.map((r) => r.output().slice(-1500)).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const config = loadKubeConfig(bed.kubeconfig());
  cluster = new KubeCluster(config);
  const core = config.makeApiClient(CoreV1Api);
  for (const name of [namespace, clientNamespace]) await core.createNamespace({ body: { metadata: { name } } });
  await cluster.create('workflowtemplates', namespace, template('build'));
  await cluster.create('workflowtemplates', clientNamespace, template('build'));
  const env = { KUBECONFIG: bed.kubeconfig(), CAPSTAN_ARCHIVE_URL: '', LEADER_ELECTION_LEASE_DURATION: '8s', LEADER_ELECTION_RENEW_DEADLINE: '6s', LEADER_ELECTION_RETRY_PERIOD: '1s' };
  const flags = ['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', namespace];
  replicas.push(...await Promise.all([startCapstan(flags, env), startCapstan(flags, env)]));
  client = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'client', '--namespace', clientNamespace], env);
}, 300_000);
afterAll(async () => {
  await Promise.allSettled([...replicas, client].filter(Boolean).map((r) => r.stop()));
});

describe('build history in kubernetes mode without a database', () => {
  it('keeps a local index, says so on the jobs pages, and numbers builds on the leader only', async () => {
    const indexing = await until('one replica indexing', async () => replicas.map((r) => r.output().includes('build history ready')), (v) => v.includes(true));
    await cluster.create('workflows', namespace, {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'by-kubectl-' }, spec: { workflowTemplateRef: { name: 'build' } },
    } as unknown as KubeObject);
    const numbered = await until('the kubectl workflow numbered', async () => (await cluster.list('workflows', namespace)).items,
      (items) => items.length === 1 && Boolean(items[0]?.metadata.labels?.['capstan.io/build-number']));
    expect(numbered[0]?.metadata.labels).toMatchObject({ 'capstan.io/build-number': '1', 'workflows.argoproj.io/workflow-template': 'build' });
    // Only the leader runs the indexer: the other replica never started one.
    const leader = replicas[indexing.indexOf(true)]!;
    expect(replicas.filter((r) => r.output().includes('build history ready')).map((r) => r.port)).toEqual([leader.port]);

    const list = await until('the leader lists the build', async () => (await fetch(`${leader.url}/api/capstan/v1/jobs?namespace=${namespace}`)).json() as Promise<{
      items: { name: string; lastBuild?: { number: number } }[]; notice?: string;
    }>, (body) => body.items[0]?.lastBuild?.number === 1);
    expect(list.notice).toMatch(/local index .* Configure persistence/);
    expect(list.items.map((j) => j.name)).toEqual(['build']);
    const job = await (await fetch(`${leader.url}/api/capstan/v1/jobs/workflowtemplates/${namespace}/build`)).json() as { notice?: string; nextNumber: number };
    expect(job).toMatchObject({ nextNumber: 2, notice: expect.stringContaining('no archive database') });
    expect(leader.output()).toContain('build history: no archive database');
  });

  it('numbers a build an event started, with the event trigger', async () => {
    await cluster.create('workfloweventbindings', namespace, {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowEventBinding', metadata: { name: 'on-push' },
      spec: { event: { selector: 'discriminator == "push"' }, submit: { workflowTemplateRef: { name: 'build' } } },
    } as unknown as KubeObject);
    const response = await fetch(`${replicas[0]!.url}/api/v1/events/${namespace}/push`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    const [built] = await until('the event build numbered', async () => (await cluster.list('workflows', namespace, { labelSelector: 'workflows.argoproj.io/workflow-event-binding' })).items,
      (items) => Boolean(items[0]?.metadata.labels?.['capstan.io/build-number']));
    expect(built?.metadata.labels?.['capstan.io/build-number']).toBe('2');
    expect(JSON.parse(built?.metadata.annotations?.['capstan.io/trigger'] ?? '{}')).toMatchObject({ type: 'event' });
  });

  it('discards builds beyond the job\'s capstan.io/builds-to-keep, from the history and the cluster', async () => {
    const kept = template('kept');
    kept.metadata.annotations = { ...kept.metadata.annotations, 'capstan.io/builds-to-keep': '2' };
    await cluster.create('workflowtemplates', namespace, kept);
    for (let i = 0; i < 3; i++) {
      const submitted = await fetch(`${replicas[0]!.url}/api/v1/workflows/${namespace}/submit`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ resourceKind: 'WorkflowTemplate', resourceName: 'kept' }),
      });
      expect(submitted.status).toBe(200);
    }
    const leader = replicas.find((r) => r.output().includes('build history ready'))!;
    const numbers = await until('only the newest two builds kept', async () => {
      const page = await (await fetch(`${leader.url}/api/capstan/v1/jobs/workflowtemplates/${namespace}/kept/builds`)).json() as { items: { number: number; phase: string }[] };
      return page.items.map((b) => `${b.number}:${b.phase}`);
    }, (v) => v.length === 2 && v.every((b) => b.endsWith(':Succeeded')), 120_000);
    expect(numbers).toEqual(['3:Succeeded', '2:Succeeded']);
    await until('build #1 deleted from the cluster', async () => (await cluster.list('workflows', namespace, { labelSelector: 'workflows.argoproj.io/workflow-template=kept' })).items.length, (n) => n === 2);
  });

  it('serves badges as the auth mode says: client mode without a token draws "unauthorized" with a 401', async () => {
    const anonymous = await fetch(`${client.url}/badge/${clientNamespace}/build.svg`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await anonymous.text()).toContain('unauthorized');
    const admin = await fetch(`${client.url}/badge/${clientNamespace}/build.svg`, { headers: { authorization: `Bearer ${process.env.CAPSTAN_TEST_ADMIN_TOKEN ?? ''}` } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('no builds');
    const denied = await fetch(`${client.url}/badge/${clientNamespace}/build.svg`, { headers: { authorization: `Bearer ${bed.userToken()}` } });
    expect(denied.status).toBe(403);
  });
});
