import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { type MalformedRequest, type Swagger, malformedRequests } from '../testing/malformed-requests';

// Thousands of malformed requests, generated from argo-server's swagger, against a running Capstan: none may get a
// 5xx, go unanswered, crash the process or change what it stores. Argo's own 5xx answers are kept where clients
// depend on them: a failed lint is `500 {"code":2}` (argo-server passes the validation error through) and the
// SyncService is `501` (not implemented in v3.7.9 either).
const swagger = JSON.parse(readFileSync(fileURLToPath(new URL('../../../shared/argo/swagger.json', import.meta.url)), 'utf8')) as Swagger;
let capstan: CapstanProcess;

const target = (kind: string, extra: object) => ({ apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name: 'fuzz-target' }, ...extra });
const template = { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine', command: ['true'] } }] };
const listed = [
  '/api/v1/workflows/argo', '/api/v1/workflow-templates/argo', '/api/v1/cluster-workflow-templates', '/api/v1/cron-workflows/argo',
  '/api/v1/archived-workflows?namespace=argo',
];

async function post(path: string, body: object): Promise<void> {
  const response = await fetch(`${capstan.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
}

/** What Capstan stores, as names and resource versions, to compare before and after. */
async function snapshot(): Promise<string[]> {
  const lines: string[] = [];
  for (const path of listed) {
    const body = (await (await fetch(`${capstan.url}${path}`)).json()) as { items?: { metadata: { name: string; uid: string; resourceVersion?: string } }[] | null };
    for (const item of body.items ?? []) lines.push(`${path} ${item.metadata.name} ${item.metadata.uid} ${item.metadata.resourceVersion ?? ''}`);
  }
  return lines.sort();
}

/** argo-server's own 5xx answers, kept because the `argo` CLI prints them (docs/api.md lists them). */
function allowed5xx(request: MalformedRequest, status: number, body: string): boolean {
  if (status === 500 && /Lint/.test(request.operationId) && body.includes('"code":2')) return true;
  if (status === 500 && body.includes('"code":13') && /cannot shutdown a completed workflow|'set' currently only targets suspend nodes/.test(body)) return true;
  return status === 501 && request.operationId.startsWith('SyncService');
}

/**
 * `..` segments are resolved before routing (by the client, as browsers and curl do), so such a request reaches
 * another path, often a page that answers in HTML; only requests that reach the path they name must carry Argo's
 * error body.
 */
function reachesApi(path: string): boolean {
  const resolved = new URL(path, 'http://x').pathname;
  return resolved === path.split('?')[0] && /^\/(api|artifacts|artifact-files|input-artifacts)\//.test(resolved);
}

/** Sends one request; streams answer at once and stay open, so the status and the first bytes are enough. */
async function send(request: MalformedRequest): Promise<{ status: number; body: string; json: boolean }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 20_000);
  try {
    const response = await fetch(`${capstan.url}${request.path}`, {
      method: request.method, signal: abort.signal, body: request.body,
      headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
    });
    const json = (response.headers.get('content-type') ?? '').includes('json');
    // An error ends its response; a stream that answered 200 stays open, so its first bytes are enough.
    if (response.status >= 300) return { status: response.status, body: (await response.text()).slice(0, 300), json };
    const reader = response.body?.getReader();
    const first = reader ? await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000))]) : undefined;
    abort.abort();
    return { status: response.status, body: first?.value ? new TextDecoder().decode(first.value).slice(0, 300) : '', json };
  } catch (error) {
    if (abort.signal.aborted) return { status: 0, body: 'no answer within 20 s', json: false };
    return { status: 0, body: `connection failed: ${String((error as Error).cause ?? error)}`, json: false };
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  capstan = await startCapstan(['--no-samples']);
  await post('/api/v1/workflow-templates/argo', { template: target('WorkflowTemplate', { spec: template }) });
  await post('/api/v1/cluster-workflow-templates', { template: target('ClusterWorkflowTemplate', { spec: template }) });
  await post('/api/v1/cron-workflows/argo', { cronWorkflow: target('CronWorkflow', { spec: { schedules: ['0 0 1 1 *'], suspend: true, workflowSpec: template } }) });
  await post('/api/v1/workflows/argo', { workflow: target('Workflow', { spec: template }) });
}, 300_000);
afterAll(async () => {
  await capstan?.stop();
});

it('answers thousands of malformed requests with 4xx and Argo’s error body, without crashing or changing state', async () => {
  // The seeded workflow runs to its end first, so the snapshot does not catch the controller's own updates.
  for (let i = 0; i < 120; i++) {
    const workflow = (await (await fetch(`${capstan.url}/api/v1/workflows/argo/fuzz-target`)).json()) as { status?: { phase?: string; finishedAt?: string } };
    if (workflow.status?.finishedAt) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const before = await snapshot();
  const requests = malformedRequests(swagger, 20261124);
  expect(requests.length).toBeGreaterThan(2000);
  const failures: string[] = [];
  let index = 0;
  const worker = async () => {
    while (index < requests.length) {
      const request = requests[index++]!;
      const { status, body, json } = await send(request);
      const label = `${request.method} ${request.path.slice(0, 120)} (${request.fault}) → ${status} ${body.slice(0, 160)}`;
      if (status === 0 || (status >= 500 && !allowed5xx(request, status, body))) failures.push(label);
      // Streams report errors as grpc-gateway's stream error frame, `{"error":{"grpc_code":…,"message":…}}`.
      else if (status >= 400 && reachesApi(request.path) && (!json || !/"(grpc_)?code":\d+/.test(body) || !body.includes('"message"'))) failures.push(`not Argo's error body: ${label}`);
      else if (status < 300 && ['POST', 'PUT', 'DELETE'].includes(request.method) && !/Lint|Events|Tracking|CollectEvent|ReceiveEvent/.test(request.operationId)) {
        failures.push(`accepted: ${label}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  const alive = capstan.child.exitCode === null && capstan.child.signalCode === null;
  expect(failures.length, `${failures.slice(0, 60).join('\n')}${alive ? '' : `\ncapstan exited:\n${capstan.output().slice(-3000)}`}`).toBe(0);
  expect((await fetch(`${capstan.url}/api/v1/version`)).status).toBe(200);
  expect(capstan.child.exitCode).toBeNull();
  expect(await snapshot()).toEqual(before);
}, 900_000);
