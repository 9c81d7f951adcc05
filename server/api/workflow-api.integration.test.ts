import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argoCli, argoCliBin as argoBin, manifestFile as manifest } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// The official argo CLI v3.7.9 (over HTTP/1, as users configure it) against Capstan in embedded mode: the
// WorkflowService, WorkflowTemplateService, ClusterWorkflowTemplateService and CronWorkflowService end to end,
// with the embedded controller running what is submitted.
const ns = 'argo';

const hello = manifest('hello', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: hello-, labels: {team: a}}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox, command: [echo, hello]}
`);

const twoSteps = manifest('two-steps', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: naps-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - [{name: first, template: nap}]
    - [{name: second, template: nap}]
  - name: nap
    container: {image: busybox, command: [sh, -c, "sleep 2"]}
`);

const approval = manifest('approval', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: approve-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - [{name: approve, template: approve}]
    - [{name: after, template: echo, arguments: {parameters: [{name: msg, value: "{{steps.approve.outputs.parameters.ok}}"}]}}]
  - name: approve
    suspend: {}
    outputs: {parameters: [{name: ok, valueFrom: {supplied: {}}}]}
  - name: echo
    inputs: {parameters: [{name: msg}]}
    container: {image: busybox, command: [echo, "{{inputs.parameters.msg}}"]}
`);

const template = manifest('template', `
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: greet}
spec:
  entrypoint: main
  arguments: {parameters: [{name: who, value: world}]}
  templates:
  - name: main
    inputs: {parameters: [{name: who}]}
    container: {image: busybox, command: [echo, "hello {{inputs.parameters.who}}"]}
`);

const clusterTemplate = manifest('cluster-template', `
apiVersion: argoproj.io/v1alpha1
kind: ClusterWorkflowTemplate
metadata: {name: cluster-greet}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox, command: [echo, hi]}
`);

const cron = manifest('cron', `
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: nightly}
spec:
  schedules: ["0 3 * * *"]
  workflowSpec: {workflowTemplateRef: {name: greet}}
`);

const invalid = manifest('invalid', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: invalid-}
spec:
  entrypoint: nope
  templates: [{name: main, container: {image: busybox}}]
`);

describe('argo CLI against Capstan (embedded): workflows, templates, cron workflows', () => {
  let capstan: CapstanProcess;
  const cli = (...args: string[]) => argoCli(argoBin, `127.0.0.1:${capstan.port}`, args);
  const failing = (...args: string[]) => cli(...args).then(
    () => { throw new Error(`argo ${args.join(' ')} succeeded`); },
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
  const getJson = async (name: string) => JSON.parse((await cli('get', '-n', ns, '-o', 'json', name)).stdout);
  const waitFor = async (name: string, check: (wf: { status?: { phase?: string; nodes?: Record<string, { displayName: string; phase: string }> } }) => boolean) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      const wf = await getJson(name);
      if (check(wf)) return wf;
    }
    throw new Error(`${name} did not reach the expected state`);
  };

  beforeAll(async () => {
    capstan = await startCapstan(['--no-samples'], {});
  });
  afterAll(() => capstan?.stop());

  it('submits and waits, then gets and lists with filters and chunks', async () => {
    // `--wait` follows the workflow-events stream until the workflow finishes.
    const name = (await cli('submit', '-n', ns, hello, '--wait', '-o', 'name')).stdout.trim();
    expect((await getJson(name)).status.phase).toBe('Succeeded');
    expect((await cli('get', '-n', ns, '@latest')).stdout).toMatch(/Status:\s+Succeeded/);
    expect((await cli('get', '-n', ns, name, '-o', 'yaml')).stdout).toMatch(/^apiVersion: argoproj.io\/v1alpha1/);
    expect((await cli('get', '-n', ns, name, '-o', 'wide')).stdout).toMatch(/Status:\s+Succeeded/);
    expect((await cli('watch', '-n', ns, name)).stdout).toMatch(/Status:\s+Succeeded/);
    expect((await cli('wait', '-n', ns, name)).stdout).toMatch(`${name} Succeeded at`);
    expect((await cli('submit', '-n', ns, hello, '--watch')).stdout).toMatch(/Status:\s+Succeeded/);
    expect((await cli('list', '-n', ns, '--status', 'Succeeded', '-o', 'name')).stdout.trim().split('\n')).toHaveLength(2);
    expect((await cli('list', '-n', ns, '--chunk-size', '1', '-o', 'name')).stdout.trim().split('\n')).toHaveLength(2);
    expect((await cli('list', '-n', ns, '-l', 'team=a', '--completed')).stdout).toMatch(/^NAME\s+STATUS/);
    expect((await cli('list', '-n', ns, '--running')).stdout.trim()).toBe('No workflows found');
    expect((await cli('list', '-n', ns, '--prefix', 'nothing-')).stdout.trim()).toBe('No workflows found');
  });

  it('suspends, resumes and stops a running workflow', async () => {
    const name = (await cli('submit', '-n', ns, twoSteps, '-o', 'name')).stdout.trim();
    await cli('suspend', '-n', ns, name);
    expect((await getJson(name)).spec.suspend).toBe(true);
    expect((await cli('get', '-n', ns, name)).stdout).toMatch(/Status:\s+Running \(Suspended\)/);
    await cli('resume', '-n', ns, name);
    expect((await getJson(name)).spec.suspend).toBeUndefined();
    await cli('stop', '-n', ns, name);
    expect((await getJson(name)).spec.shutdown).toBe('Stop');
    await waitFor(name, (wf) => wf.status?.phase === 'Failed');
    expect(await failing('terminate', '-n', ns, name)).toMatch(/code = Internal desc = cannot shutdown a completed workflow/);
  });

  it('sets a suspend node output and resumes it', async () => {
    const name = (await cli('submit', '-n', ns, approval, '-o', 'name')).stdout.trim();
    await waitFor(name, (wf) => Object.values(wf.status?.nodes ?? {}).some((n) => n.displayName === 'approve' && n.phase === 'Running'));
    await cli('node', 'set', '-n', ns, name, '--output-parameter', 'ok=yes', '--node-field-selector', 'displayName=approve');
    await cli('resume', '-n', ns, name, '--node-field-selector', 'displayName=approve');
    const done = await waitFor(name, (wf) => wf.status?.phase === 'Succeeded');
    const after = Object.values(done.status.nodes as Record<string, { displayName: string; inputs?: { parameters: { value: string }[] } }>)
      .find((n) => n.displayName === 'after');
    expect(after?.inputs?.parameters[0]?.value).toBe('yes');
  });

  it('retries and resubmits a failed workflow', async () => {
    const name = (await cli('submit', '-n', ns, twoSteps, '-o', 'name')).stdout.trim();
    await waitFor(name, (wf) => Object.values(wf.status?.nodes ?? {}).some((n) => n.displayName === 'second' && n.phase === 'Running'));
    await cli('terminate', '-n', ns, name);
    await waitFor(name, (wf) => wf.status?.phase === 'Failed');
    // The workflow as the retry wrote it; running it again is the controller's part.
    const retried = JSON.parse((await cli('retry', '-n', ns, name, '-o', 'json')).stdout);
    expect(retried.status.phase).toBeUndefined();
    expect(retried.spec.shutdown).toBeUndefined();
    expect(Object.values(retried.status.nodes as Record<string, { displayName: string; phase: string }>)
      .map((n) => `${n.displayName}:${n.phase}`).sort()).toEqual(['[0]:Succeeded', '[1]:Running', 'first:Succeeded', `${name}:Running`]);
    // The terminated step runs again, in a new process, to the end.
    await waitFor(name, (wf) => wf.status?.phase === 'Succeeded');
    const resubmitted = (await cli('resubmit', '-n', ns, name, '-o', 'name')).stdout.trim();
    expect((await getJson(resubmitted)).metadata.labels['workflows.argoproj.io/resubmitted-from-workflow']).toBe(name);
    expect((await cli('list', '-n', ns, '--resubmitted', '-o', 'name')).stdout.trim()).toBe(resubmitted);
  });

  it('retries an http template: the retried node sends its request again', async () => {
    // Refuses the first request, accepts the next: only a request sent again can succeed.
    let requests = 0;
    const server = createServer((_req, res) => {
      res.statusCode = ++requests === 1 ? 503 : 200;
      res.end(`request ${requests}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const flaky = manifest('flaky-http', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: flaky-http-}
spec:
  entrypoint: main
  templates:
  - name: main
    http: {url: "http://127.0.0.1:${port}/"}
`);
      const name = (await cli('submit', '-n', ns, flaky, '-o', 'name')).stdout.trim();
      await waitFor(name, (wf) => wf.status?.phase === 'Failed');
      await cli('retry', '-n', ns, name);
      const done = await waitFor(name, (wf) => wf.status?.phase === 'Succeeded' || (wf.status?.phase === 'Failed' && requests > 1));
      expect(done.status.phase, JSON.stringify(done.status.nodes)).toBe('Succeeded');
      expect(requests).toBe(2);
    } finally {
      server.close();
    }
  });

  it('lints on the server and refuses invalid workflows with Argo messages', async () => {
    expect(await failing('lint', '-n', ns, invalid)).toMatch(/template name 'nope' undefined/);
    expect((await cli('lint', '-n', ns, hello)).stdout).toMatch(/no linting errors found/);
    expect(await failing('submit', '-n', ns, invalid)).toMatch(/code = InvalidArgument desc = template name 'nope' undefined/);
    expect(await failing('get', '-n', ns, 'nope')).toMatch(/code = NotFound desc = workflows.argoproj.io "nope" not found/);
  });

  it('manages workflow templates and submits from them', async () => {
    await cli('template', 'create', '-n', ns, template);
    expect((await cli('template', 'list', '-n', ns)).stdout).toMatch(/\ngreet/);
    expect((await cli('template', 'get', '-n', ns, 'greet')).stdout).toMatch(/Name:\s+greet/);
    expect((await cli('template', 'lint', '-n', ns, template)).stdout).toMatch(/no linting errors found/);
    const name = (await cli('submit', '-n', ns, '--from', 'workflowtemplate/greet', '-p', 'who=capstan', '--wait', '-o', 'name')).stdout.trim().split('\n')[0]!;
    expect((await getJson(name)).status.phase).toBe('Succeeded');
    expect(await failing('template', 'create', '-n', ns, template)).toMatch(/AlreadyExists|already exists/);
  });

  it('manages cluster workflow templates', async () => {
    await cli('cluster-template', 'create', clusterTemplate);
    expect((await cli('cluster-template', 'list')).stdout).toMatch(/cluster-greet/);
    expect((await cli('cluster-template', 'get', 'cluster-greet')).stdout).toMatch(/Name:\s+cluster-greet/);
    expect((await cli('cluster-template', 'lint', clusterTemplate)).stdout).toMatch(/no linting errors found/);
    const name = (await cli('submit', '-n', ns, '--from', 'clusterworkflowtemplate/cluster-greet', '--wait', '-o', 'name')).stdout.trim().split('\n')[0]!;
    expect((await getJson(name)).status.phase).toBe('Succeeded');
    await cli('cluster-template', 'delete', 'cluster-greet');
    expect((await cli('cluster-template', 'list')).stdout).not.toMatch(/cluster-greet/);
  });

  it('manages cron workflows', async () => {
    await cli('cron', 'create', '-n', ns, cron);
    expect((await cli('cron', 'list', '-n', ns)).stdout).toMatch(/nightly\s.*0 3 \* \* \*.*false/);
    await cli('cron', 'suspend', '-n', ns, 'nightly');
    expect((await cli('cron', 'get', '-n', ns, 'nightly')).stdout).toMatch(/Suspended:\s+true/);
    await cli('cron', 'resume', '-n', ns, 'nightly');
    expect((await cli('cron', 'get', '-n', ns, 'nightly')).stdout).toMatch(/Suspended:\s+false/);
    expect((await cli('cron', 'lint', '-n', ns, cron)).stdout).toMatch(/no linting errors found/);
    await cli('cron', 'delete', '-n', ns, 'nightly');
    expect((await cli('cron', 'list', '-n', ns)).stdout).not.toMatch(/nightly/);
    await cli('template', 'delete', '-n', ns, 'greet');
  });

  it('deletes workflows by name and by filter', async () => {
    expect((await cli('delete', '-n', ns, 'nope')).stdout).toMatch(/Workflow 'nope' not found/);
    const one = (await cli('list', '-n', ns, '-o', 'name')).stdout.trim().split('\n')[0]!;
    expect((await cli('delete', '-n', ns, one)).stdout).toMatch(`Workflow '${one}' deleted`);
    await cli('delete', '-n', ns, '--all');
    // The list includes the archive (always on in embedded mode), as argo-server's with persistence: what is left
    // after deleting every live workflow is exactly the archived ones.
    const left = (await cli('list', '-n', ns, '-o', 'name')).stdout.trim().split('\n').filter(Boolean).sort();
    const archived = await (await fetch(`${capstan.url}/api/v1/archived-workflows?namespace=${ns}`)).json() as { items: { metadata: { name: string } }[] | null };
    expect(left).toEqual((archived.items ?? []).map((w) => w.metadata.name).sort());
  });
});

describe('the workflow API over HTTP (embedded)', () => {
  let capstan: CapstanProcess;
  beforeAll(async () => {
    capstan = await startCapstan(['--no-samples'], {});
  });
  afterAll(() => capstan?.stop());

  const api = (path: string, init?: RequestInit) => fetch(`${capstan.url}/api/v1${path}`, init);
  const workflow = (name: string) => ({
    metadata: { name, labels: { app: 'x' } },
    spec: { entrypoint: 'main', templates: [{ name: 'main', suspend: {} }] },
  });

  it("answers Argo's error bodies", async () => {
    const missing = await api(`/workflows/${ns}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 5, message: 'workflows.argoproj.io "nope" not found' });
    const noBody = await api(`/workflows/${ns}`, { method: 'POST', body: '{}' });
    expect([noBody.status, await noBody.json()]).toEqual([400, { code: 3, message: 'workflow body not specified' }]);
    const badContinue = await api(`/workflows/${ns}?listOptions.continue=abc`);
    expect([badContinue.status, await badContinue.json()]).toEqual([400, { code: 3, message: 'listOptions.continue must be int' }]);
    const badSelector = await api(`/workflows/${ns}?listOptions.fieldSelector=foo=bar`);
    expect(await badSelector.json()).toEqual({ code: 3, message: 'unsupported requirement foo=bar' });
  });

  it('projects lists and gets with fields, and pages with continue', async () => {
    for (const name of ['p-1', 'p-2', 'p-3']) {
      expect((await api(`/workflows/${ns}`, { method: 'POST', body: JSON.stringify({ workflow: workflow(name) }) })).status).toBe(200);
    }
    const list = await (await api(`/workflows/${ns}?fields=items.metadata.name&listOptions.limit=2`)).json();
    expect(list).toEqual({ items: [{ metadata: { name: expect.any(String) } }, { metadata: { name: expect.any(String) } }] });
    const page = await (await api(`/workflows/${ns}?fields=metadata,items.metadata.name&listOptions.limit=2`)).json();
    expect(page.metadata.continue).toBe('2');
    const rest = await (await api(`/workflows/${ns}?fields=metadata,items.metadata.name&listOptions.limit=2&listOptions.continue=2`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.metadata.continue).toBeUndefined();
    const excluded = await (await api(`/workflows/${ns}/p-1?fields=-status,spec`)).json();
    expect(Object.keys(excluded).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
  });

  it('streams watch events as SSE and as newline-delimited JSON', async () => {
    const abort = new AbortController();
    const response = await api(`/workflow-events/${ns}?listOptions.fieldSelector=metadata.name=p-2&fields=result.type,result.object.metadata.name`, {
      headers: { accept: 'text/event-stream' }, signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe(':\n\ndata: {"result":{"type":"ADDED","object":{"metadata":{"name":"p-2"}}}} \n\n\n');
    await api(`/workflows/${ns}/p-2/suspend`, { method: 'PUT', body: '{}' });
    text = '';
    while (!text.includes('MODIFIED')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: {"result":{"type":"MODIFIED","object":{"metadata":{"name":"p-2"}}}}');
    abort.abort();

    const ndjson = new AbortController();
    const plain = await api(`/workflow-events/${ns}?listOptions.labelSelector=app=x&fields=result.object.metadata.name`, { signal: ndjson.signal });
    const plainReader = plain.body!.getReader();
    let lines = '';
    while (lines.split('\n').length < 4) lines += new TextDecoder().decode((await plainReader.read()).value);
    expect(lines.split('\n').slice(0, 3).map((l) => JSON.parse(l).result.object.metadata.name).sort()).toEqual(['p-1', 'p-2', 'p-3']);
    ndjson.abort();
  });

  it('ends a watch of a missing workflow with an error chunk', async () => {
    const response = await api(`/workflow-events/${ns}?listOptions.fieldSelector=metadata.name=nope`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      ':\n\ndata: {"error":{"grpc_code":5,"http_code":404,"message":"workflows.argoproj.io \\"nope\\" not found","http_status":"Not Found"}} \n\n',
    );
  });
});
