import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argoCli } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// The build history API on an embedded Capstan, as the dashboard and the argo CLI use it, across a restart.
const dataDir = mkdtempSync(join(tmpdir(), 'capstan-history-api-'));
let capstan: CapstanProcess;
const api = (path: string, init?: RequestInit) => fetch(`${capstan.url}${path}`, init);
const json = async (path: string, init?: RequestInit) => {
  const response = await api(path, init);
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
};
const submit = (template: string, parameters: string[] = [], userAgent = 'Mozilla/5.0 test') =>
  json('/api/v1/workflows/argo/submit', {
    method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ resourceKind: 'WorkflowTemplate', resourceName: template, submitOptions: { parameters } }),
  });
const job = '/api/capstan/v1/jobs/workflowtemplates/argo';

beforeAll(async () => {
  capstan = await startCapstan(['--sandbox', 'none'], {}, { dataDir, keepData: true });
});
afterAll(async () => {
  await capstan?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('build history API (embedded)', () => {
  it('numbers 20 concurrent submits 1..20 and answers each submit with its number', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => submit('hello-world', [`who=w${i}`], i % 2 ? 'Mozilla/5.0' : 'argo-workflows/v3.7.9 argo-cli')));
    const numbers = created.map((w) => Number(w.metadata.labels['capstan.io/build-number'])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const triggers = new Set(created.map((w) => JSON.parse(w.metadata.annotations['capstan.io/trigger']).type));
    expect(triggers).toEqual(new Set(['user', 'cli']));
  });

  it('numbers what the official argo CLI submits from a template, as a CLI build', async () => {
    const bin = process.env.CAPSTAN_TEST_ARGO_BIN;
    if (!bin) return;
    const { stdout } = await argoCli(bin, `127.0.0.1:${capstan.port}`, ['submit', '-n', 'argo', '--from', 'workflowtemplate/fan-out', '-o', 'json']);
    const workflow = JSON.parse(stdout);
    expect(workflow.metadata.labels['capstan.io/build-number']).toBe('1');
    const [build] = (await json(`${job}/fan-out/builds?limit=1`)).items;
    expect(build).toMatchObject({ number: 1, trigger: { type: 'cli' }, workflowName: workflow.metadata.name });
  });

  it('pages builds newest first with nextBefore, and serves one build with its neighbours', async () => {
    const first = await json(`${job}/hello-world/builds?limit=8`);
    expect(first.items.map((b: { number: number }) => b.number)).toEqual([20, 19, 18, 17, 16, 15, 14, 13]);
    expect(first.nextBefore).toBe(13);
    const last = await json(`${job}/hello-world/builds?limit=8&before=5`);
    expect(last.items.map((b: { number: number }) => b.number)).toEqual([4, 3, 2, 1]);
    expect(last.nextBefore).toBeUndefined();
    const build = await json(`${job}/hello-world/builds/10`);
    expect(build).toMatchObject({ number: 10, previousNumber: 9, nextNumber: 11, live: true, namespace: 'argo' });
    expect(build.parameters).toContainEqual({ name: 'who', value: expect.stringMatching(/^w\d+$/) });
    expect(build.previousParameters).toContainEqual({ name: 'who', value: expect.stringMatching(/^w\d+$/) });
  });

  it('runs builds to completion and shows them in the job list, stage view and trends', async () => {
    await Promise.all([submit('build-test-deploy', ['branch=main']), submit('build-test-deploy', ['branch=dev'])]);
    await expect.poll(async () => (await json(`${job}/build-test-deploy`)).lastBuild?.phase, { timeout: 90_000, interval: 1000 }).toBe('Succeeded');
    await expect.poll(async () => (await json(`${job}/build-test-deploy/trends`)).count, { timeout: 90_000, interval: 1000 }).toBe(2);
    const header = await json(`${job}/build-test-deploy`);
    expect(header).toMatchObject({ folder: 'samples', title: 'Build, test, deploy', nextNumber: 3, buildCount: 2, stages: ['build', 'unit-tests', 'integration-tests', 'deploy'] });
    expect(header.health).toMatchObject({ score: 100, weather: 'sunny' });
    const stages = await json(`${job}/build-test-deploy/stages`);
    expect(stages.stages.map((s: { name: string }) => s.name)).toEqual(['build', 'unit-tests', 'integration-tests', 'deploy']);
    expect(stages.builds).toHaveLength(2);
    expect(stages.builds[0].cells.every((c: { phase: string } | null) => c?.phase === 'Succeeded')).toBe(true);
    expect(stages.stages[0].averageDurationSeconds).toBeGreaterThanOrEqual(0);
    const filtered = await json(`${job}/build-test-deploy/trends?param.branch=dev`);
    expect(filtered.points).toHaveLength(1);
    expect(filtered.successRate).toBe(1);
    expect(filtered.parameterValues.branch).toEqual(['dev', 'main']);
    const list = await json('/api/capstan/v1/jobs?folder=samples');
    expect(list.items.map((j: { name: string }) => j.name)).toEqual(['build-test-deploy', 'fan-out', 'hello-world']);
    expect(list.folders).toEqual([{ name: 'samples', path: 'samples', jobCount: 3, children: [] }]);
    const none = await json('/api/capstan/v1/jobs?status=Succeeded,Failed&search=hello');
    expect(none.items.map((j: { name: string }) => j.name)).toEqual(['hello-world']);
  });

  it('saves views and favourites, and draws a badge', async () => {
    const created = await api('/api/capstan/v1/views', { method: 'POST', body: JSON.stringify({ name: 'Green builds', filter: { lastStatus: ['Succeeded'], nameRegex: '^build' } }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'green-builds' });
    expect((await api('/api/capstan/v1/views', { method: 'POST', body: JSON.stringify({ name: 'Green builds', filter: {} }) })).status).toBe(409);
    expect((await json('/api/capstan/v1/jobs?view=green-builds')).items.map((j: { name: string }) => j.name)).toEqual(['build-test-deploy']);
    await json('/api/capstan/v1/favourites/workflowtemplates/argo/hello-world', { method: 'PUT' });
    expect(await json('/api/capstan/v1/favourites')).toEqual({ user: 'anonymous', items: [{ kind: 'workflowtemplates', namespace: 'argo', name: 'hello-world' }] });
    const badge = await api('/badge/argo/build-test-deploy.svg');
    expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await badge.text()).toContain('#2 passing');
    expect((await api('/badge/argo/nope.svg')).status).toBe(404);
  });

  it('answers bad requests with Argo error bodies', async () => {
    expect(await (await api('/api/capstan/v1/jobs/workflows/argo/x/builds')).json()).toMatchObject({ code: 3 });
    expect((await api(`${job}/hello-world/builds?limit=0`)).status).toBe(400);
    expect((await api(`${job}/nope/builds`)).status).toBe(404);
    expect((await api(`${job}/hello-world/builds/999`)).status).toBe(404);
    expect((await api('/api/capstan/v1/jobs?name=(')).status).toBe(400);
    expect((await api('/api/capstan/v1/views', { method: 'POST', body: JSON.stringify({ name: 'x', filter: { bogus: 1 } }) })).status).toBe(400);
  });

  it('keeps numbering, views and favourites across a restart', async () => {
    await capstan.stop();
    capstan = await startCapstan(['--sandbox', 'none'], {}, { dataDir, keepData: true });
    const next = await submit('hello-world');
    expect(next.metadata.labels['capstan.io/build-number']).toBe('21');
    expect((await json('/api/capstan/v1/views')).items.map((v: { id: string }) => v.id)).toEqual(['green-builds']);
    expect((await json('/api/capstan/v1/favourites')).items).toHaveLength(1);
  });
});
