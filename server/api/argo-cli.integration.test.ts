import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { argoCli } from '../testing/argo-cli';
import { testBed } from '../testing/test-bed';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { CoreV1Api } from '@kubernetes/client-node';

// The official argo CLI (v3.7.9) against Argo's own `argo server` on the test bed, and against Capstan in
// kubernetes mode on the same cluster.
const bed = testBed();
const fixture = (name: string) => fileURLToPath(new URL(`../testing/fixtures/${name}`, import.meta.url));

describe("argo CLI against Argo's argo server (the oracle)", () => {
  it('reports versions', async () => {
    const { stdout } = await argoCli(bed.argoBin(), bed.argoServer(), ['version']);
    expect(stdout).toMatch(/argo: v3\.7\.9/);
    expect(stdout).toMatch(/argo-server: v3\.7\.9/);
  });

  it('lists workflows', async () => {
    const { stdout } = await argoCli(bed.argoBin(), bed.argoServer(), ['list', '-n', bed.oracleNamespace()]);
    expect(stdout).toMatch(/^(NAME\s+STATUS|No workflows found)/);
  });

  // The test bed's kwok stages complete Argo's pods, and fail them with a chosen exit code.
  it('runs workflows to Succeeded and Failed on the simulated node', async () => {
    const ns = bed.oracleNamespace();
    const cli = (args: string[]) => argoCli(bed.argoBin(), bed.argoServer(), args);
    // `submit --wait` exits non-zero when the workflow fails, so read the outcome with `argo get`.
    const submitAndGet = async (file: string) => {
      const submitted = await cli(['submit', '-n', ns, '--wait', '-o', 'name', fixture(file)]).catch((e: { stdout: string }) => e);
      return JSON.parse((await cli(['get', '-n', ns, '-o', 'json', submitted.stdout.trim()])).stdout);
    };
    expect((await submitAndGet('hello-world.yaml')).status.phase).toBe('Succeeded');
    const failed = await submitAndGet('failing-dag.yaml');
    expect(failed.status.phase).toBe('Failed');
    const messages = Object.values(failed.status.nodes as Record<string, { displayName: string; message?: string }>)
      .filter((n) => n.displayName === 'b').map((n) => n.message);
    expect(messages).toEqual(['main: Error (exit code 3)']);
  });
});

describe('argo CLI against Capstan', () => {
  let capstan: CapstanProcess;
  const namespace = `cli-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await loadKubeConfig(bed.kubeconfig()).makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
    capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', namespace], {
      KUBECONFIG: bed.kubeconfig(),
    });
  });
  afterAll(() => capstan?.stop());

  const server = () => `127.0.0.1:${capstan.port}`;

  it('reports the server version', async () => {
    const { stdout } = await argoCli(bed.argoBin(), server(), ['version']);
    expect(stdout).toMatch(/argo-server: v4\.1\.2\+capstan/);
  });

  it('lists workflows, empty and then with one', async () => {
    const empty = await argoCli(bed.argoBin(), server(), ['list', '-n', namespace]);
    expect(empty.stdout.trim()).toBe('No workflows found');
    const response = await fetch(`${capstan.url}/api/v1/workflows/${namespace}`, {
      method: 'POST',
      body: JSON.stringify({ workflow: { metadata: { name: 'listed' }, spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] } } }),
    });
    expect(response.status).toBe(200);
    const { stdout } = await argoCli(bed.argoBin(), server(), ['list', '-n', namespace]);
    expect(stdout).toMatch(/^NAME\s+STATUS/);
    expect(stdout).toMatch(/\nlisted\s/);
  });
});
