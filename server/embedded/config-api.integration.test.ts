import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { untilWith } from '../testing/until';

// Embedded mode's ConfigMaps and Secrets through /api/capstan/v1/config: what the API saves, workflows use at once
// (here a semaphore limit), and a Secret's values never come back out.
const dataDir = mkdtempSync(join(tmpdir(), 'capstan-config-'));
let capstan: CapstanProcess;
const until = untilWith({ timeoutMs: 60_000, output: () => capstan?.output() });
const api = (path: string, init?: RequestInit) => fetch(`${capstan.url}/api/capstan/v1/config/${path}`, init);
const put = (path: string, data: Record<string, string | null>) => api(path, { method: 'PUT', body: JSON.stringify({ data }) });

beforeAll(async () => {
  capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
});
afterAll(async () => {
  await capstan?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('saves a ConfigMap that a workflow uses at once', async () => {
  expect((await put('configmaps/argo/limits', { workflow: '1' })).status).toBe(200);
  expect(await (await api('configmaps/argo')).json()).toMatchObject({ items: [{ name: 'limits', namespace: 'argo', data: { workflow: '1' } }] });
  const workflow = {
    metadata: { name: 'held' },
    spec: {
      entrypoint: 'main',
      synchronization: { semaphores: [{ configMapKeyRef: { name: 'limits', key: 'workflow' } }] },
      templates: [{ name: 'main', container: { image: 'alpine', command: ['echo', 'hi'] } }],
    },
  };
  expect((await fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body: JSON.stringify({ workflow }) })).status).toBe(200);
  await until('held to succeed', async () => (await (await fetch(`${capstan.url}/api/v1/workflows/argo/held`)).json()).status?.phase, (p) => p === 'Succeeded');
});

it('never shows a Secret value after saving it, and keeps values sent back as null', async () => {
  const saved = await put('secrets/argo/repo-creds', { accessKey: 'AKIA-EXAMPLE', secretKey: 'very-secret' });
  expect(saved.status).toBe(200);
  const body = await saved.text();
  expect(body).not.toMatch(/AKIA-EXAMPLE|very-secret/);
  expect(JSON.parse(body)).toMatchObject({ name: 'repo-creds', keys: ['accessKey', 'secretKey'], data: { accessKey: '', secretKey: '' } });
  expect((await put('secrets/argo/repo-creds', { accessKey: 'AKIA-OTHER', secretKey: null })).status).toBe(200);
  for (const path of ['secrets/argo', 'secrets/argo/repo-creds']) expect(await (await api(path)).text()).not.toMatch(/AKIA|very-secret/);
  expect(statSync(join(dataDir, 'config', 'secret-argo-repo-creds.yaml')).mode & 0o777).toBe(0o600);
});

it("answers bad input with Argo's error shape", async () => {
  const bad = await put('configmaps/argo/Not_A_Name', { a: 'b' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ code: 3, message: expect.stringContaining('ConfigMap name "Not_A_Name"') });
  expect((await api('widgets/argo')).status).toBe(404);
  expect((await api('secrets/argo/missing')).status).toBe(404);
  expect((await put('secrets/argo/new', { token: null })).status).toBe(400);
  expect((await api('configmaps/argo/limits', { method: 'DELETE' })).status).toBe(200);
  expect((await api('configmaps/argo/limits')).status).toBe(404);
});
