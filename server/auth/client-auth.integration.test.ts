import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { testBed } from '../testing/test-bed';

// Client auth mode on the real kube-apiserver: Capstan acts as the caller, so Kubernetes RBAC decides.
const bed = testBed();
const namespace = `auth-${Date.now().toString(36)}`;
let capstan: CapstanProcess;

beforeAll(async () => {
  await loadKubeConfig(bed.kubeconfig()).makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
  capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'client', '--namespace', namespace], {
    KUBECONFIG: bed.kubeconfig(),
  });
});
afterAll(() => capstan?.stop());

const adminToken = () => process.env.CAPSTAN_TEST_ADMIN_TOKEN ?? '';
const list = (authorization?: string) =>
  fetch(`${capstan.url}/api/v1/workflows/${namespace}`, { headers: authorization ? { authorization } : {} });

describe('client auth mode', () => {
  it('refuses a request without a token with Unauthenticated', async () => {
    const response = await list();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 16, message: 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/' });
  });

  it("lets Kubernetes RBAC judge the caller's token", async () => {
    const denied = await list(`Bearer ${bed.userToken()}`);
    expect(denied.status).toBe(403);
    expect((await denied.json()).code).toBe(7);
    const allowed = await list(`Bearer ${adminToken()}`);
    expect(allowed.status).toBe(200);
  });

  it('reads the token from the authorization cookie too, as the UI sends it', async () => {
    const response = await fetch(`${capstan.url}/api/v1/workflows/${namespace}`, {
      headers: { cookie: `authorization=${encodeURIComponent(`Bearer ${adminToken()}`)}` },
    });
    expect(response.status).toBe(200);
  });

  it('works with the argo CLI and ARGO_TOKEN', async () => {
    process.env.ARGO_TOKEN = `Bearer ${adminToken()}`;
    try {
      const { stdout } = await argoCli(bed.argoBin(), `127.0.0.1:${capstan.port}`, ['list', '-n', namespace]);
      expect(stdout.trim()).toBe('No workflows found');
      process.env.ARGO_TOKEN = `Bearer ${bed.userToken()}`;
      await expect(argoCli(bed.argoBin(), `127.0.0.1:${capstan.port}`, ['list', '-n', namespace])).rejects.toMatchObject({
        stderr: expect.stringMatching(/PermissionDenied|forbidden/i),
      });
    } finally {
      delete process.env.ARGO_TOKEN;
    }
  });

  it("serves artifacts only to callers RBAC lets read the workflow (argo-server's artifact endpoints)", async () => {
    const name = 'with-artifact';
    const cluster = new KubeCluster(loadKubeConfig(bed.kubeconfig()));
    const node = { id: name, name, displayName: name, type: 'Pod', phase: 'Succeeded', outputs: { artifacts: [{ name: 'report', raw: { data: 'for admins only' } }] } };
    await cluster.create('workflows', namespace, {
      metadata: { name, labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': 'Succeeded' } },
      spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
      status: { phase: 'Succeeded', nodes: { [name]: node } },
    } as unknown as KubeObject);
    const paths = [`/artifacts/${namespace}/${name}/${name}/report`, `/artifact-files/${namespace}/workflows/${name}/${name}/outputs/report`];
    for (const path of paths) {
      const denied = await fetch(`${capstan.url}${path}`, { headers: { authorization: `Bearer ${bed.userToken()}` } });
      expect(denied.status, path).toBe(403);
      expect(await denied.text()).not.toContain('for admins only');
      const allowed = await fetch(`${capstan.url}${path}`, { headers: { authorization: `Bearer ${adminToken()}` } });
      expect(allowed.status, path).toBe(200);
      expect(await allowed.text()).toBe('for admins only');
    }
  });
});
