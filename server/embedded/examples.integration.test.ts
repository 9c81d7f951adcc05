import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '@/lib/engine/testing/load-examples';
import { dataDirWith, minio, minioRepository, minioSecret } from '../artifacts/testing/artifact-bed';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// Argo's examples run for real in embedded mode: each step is a sandboxed local process. Those listed as needing
// something embedded mode does not have (persistent volumes, programs this host lacks) are left out, with
// the reason; docs/engine.md keeps the count. argosay and cowsay come from server/controller/known-images.ts.
const needsMore: Record<string, string> = {
  'artifact-passing-explicit-plugin.yaml': 'artifact plugins (Capstan has no plugin runtime)',
  'sidecar.yaml': 'its steps install curl with apk and run influxd: host commands embedded mode does not have',
  'sidecar-nginx.yaml': 'its sidecar runs nginx, a host command embedded mode does not have',
  'variables-showcase.yaml': 'its daemon runs `nc -lk -p 9999 -e` (BusyBox netcat), a host command this machine does not have',
  'volumes-existing.yaml': 'persistent volumes',
  'volumes-pvc.yaml': 'persistent volumes',
};

const examples = loadExamples(join(process.cwd(), '..', 'shared', 'argo', 'examples'));
const runnable = examples.filter(
  (d) => d.object.kind === 'Workflow' && !d.object.metadata?.labels?.['workflows.argoproj.io/no-test'] && !needsMore[d.file],
);

let capstan: CapstanProcess;
beforeAll(async () => {
  // artifact-repository-ref.yaml names the key `my-key` of the namespace's `artifact-repositories` ConfigMap, which
  // Argo's own e2e set-up installs; here it is an S3 repository on the bed's MinIO.
  const bucket = `examples-${Date.now().toString(36)}`;
  await minio().client.createBucket(bucket);
  const dataDir = dataDirWith([
    minioSecret(),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'artifact-repositories', namespace: 'argo' }, data: { 'my-key': JSON.stringify(minioRepository(bucket)) } },
  ]);
  capstan = await startCapstan(['--no-samples'], {}, { dataDir });
  for (const doc of examples) {
    if (doc.object.kind !== 'WorkflowTemplate' && doc.object.kind !== 'ClusterWorkflowTemplate') continue;
    const path = doc.object.kind === 'WorkflowTemplate' ? 'workflow-templates/argo' : 'cluster-workflow-templates';
    const created = await fetch(`${capstan.url}/api/v1/${path}`, {
      method: 'POST',
      body: JSON.stringify({ template: { ...doc.object, metadata: { ...doc.object.metadata, namespace: undefined } } }),
    });
    // A template that failed to load would only show later as a workflow that cannot be created: say so here.
    if (!created.ok) throw new Error(`creating ${doc.object.kind} ${doc.object.metadata?.name} from ${doc.file}: ${created.status} ${await created.text()}`);
  }
});
afterAll(() => capstan?.stop());

describe("Argo's examples run in embedded mode", () => {
  it('has enough of them', () => expect(runnable.length).toBeGreaterThanOrEqual(50));

  // The test's own `expect` (its context's): concurrent tests sharing the global one lose track of which test an
  // `expect.poll` belongs to ("expect.poll() must be called inside a test").
  for (const doc of runnable) it.concurrent(`${doc.file} reaches Succeeded`, async ({ expect }) => {
    const created = await fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body: JSON.stringify({ workflow: doc.object }) });
    const text = await created.text();
    expect(created.status, text).toBe(200);
    const body = JSON.parse(text);
    const read = async () => (await (await fetch(`${capstan.url}/api/v1/workflows/argo/${body.metadata.name}`)).json()).status ?? {};
    await expect.poll(async () => ['Succeeded', 'Failed', 'Error'].includes((await read()).phase), { timeout: 150_000, interval: 1000 }).toBe(true);
    const status = await read();
    const failures = Object.values(status.nodes ?? {}).filter((n) => (n as { phase: string }).phase === 'Failed' || (n as { phase: string }).phase === 'Error')
      .map((n) => `${(n as { displayName: string }).displayName}: ${(n as { message?: string }).message}`);
    // Some examples fail a step on purpose (continueOn, exit-code handling); the workflow's phase is what counts.
    expect(status.phase, failures.join('; ')).toBe('Succeeded');
  }, 180_000);
});
