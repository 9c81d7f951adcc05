import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import { argoCli, argoCliBin as argoBin, manifestFile } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// The official argo CLI's `archive` commands against embedded Capstan, whose archive (always on) lives in the
// embedded PGlite database: what the controller archives on completion, and what a restart keeps.
const dataDir = join(tmpdir(), `capstan-archive-${process.pid}`);
let capstan: CapstanProcess;

const manifest = manifestFile('archive', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: archived-, labels: {team: blue}}
spec:
  entrypoint: main
  arguments: {parameters: [{name: msg, value: hello}]}
  templates:
  - name: main
    inputs: {parameters: [{name: msg}]}
    container: {image: busybox, command: [echo, "{{inputs.parameters.msg}}"]}
`);

const failing = manifestFile('archive-failing', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: flaky-}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox, command: [sh, -c, "exit 1"]}
`);

const cli = (...args: string[]) => argoCli(argoBin, `127.0.0.1:${capstan.port}`, args).then((r) => r.stdout);
const getJson = async (path: string) => (await fetch(`${capstan.url}${path}`)).json() as Promise<Record<string, unknown>>;

async function archivedUid(name: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const wf = JSON.parse(await cli('get', '-n', 'argo', name, '-o', 'json')) as Workflow;
    if (wf.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'] === 'Archived') return wf.metadata.uid ?? '';
    if (Date.now() > deadline) throw new Error(`${name} was not archived: ${JSON.stringify(wf.metadata.labels)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
});
afterAll(async () => {
  await capstan?.stop();
  const { rmSync } = await import('node:fs');
  rmSync(dataDir, { recursive: true, force: true });
});

it('archives a completed workflow and serves it to argo archive list, get, label queries, resubmit, retry and delete', async () => {
  const name = (await cli('submit', '-n', 'argo', '--wait', '-o', 'name', manifest)).trim();
  const uid = await archivedUid(name);

  const list = await cli('archive', 'list', '-n', 'argo');
  expect(list).toMatch(new RegExp(`argo\\s+${name}\\s+Succeeded`));
  expect(list).toContain(uid);
  expect(await cli('archive', 'list', '-n', 'argo', '-l', 'team=blue', '-o', 'name')).toContain(name);
  expect(await cli('archive', 'list', '-n', 'argo', '-l', 'team=red', '-o', 'name')).not.toContain(name);
  expect(await cli('archive', 'list', '-n', 'argo', '-l', 'workflows.argoproj.io/phase=Succeeded', '--chunk-size', '1', '-o', 'name')).toContain(name);

  const archived = JSON.parse(await cli('archive', 'get', uid, '-o', 'json')) as Workflow;
  expect(archived.metadata.name).toBe(name);
  expect(archived.status?.phase).toBe('Succeeded');
  expect(Object.values(archived.status?.nodes ?? {}).map((n) => n.phase)).toEqual(['Succeeded']);
  expect(archived.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status']).toBe('Persisted');

  expect((await cli('archive', 'list-label-keys')).split('\n')).toEqual(expect.arrayContaining(['team', 'workflows.argoproj.io/phase']));
  expect((await cli('archive', 'list-label-values', '-l', 'team')).trim()).toBe('blue');

  // Resubmit creates a new workflow from the archived spec, which runs and is archived in turn.
  await cli('archive', 'resubmit', '-n', 'argo', uid, '-p', 'msg=again', '--wait');
  // Found by its label, not `@latest`: creation times are whole seconds, so on a fast machine both workflows may tie.
  const [resubmittedName] = (await cli('list', '-n', 'argo', '-l', `workflows.argoproj.io/resubmitted-from-workflow=${name}`, '-o', 'name')).trim().split('\n');
  const resubmitted = JSON.parse(await cli('get', '-n', 'argo', resubmittedName!, '-o', 'json')) as Workflow;
  expect(resubmitted.metadata.labels?.['workflows.argoproj.io/resubmitted-from-workflow']).toBe(name);
  expect(resubmitted.spec.arguments?.parameters?.[0]?.value).toBe('again');
  expect(resubmitted.status?.phase).toBe('Succeeded');

  // Retry needs the live workflow gone; then it comes back under its own name.
  await expect(cli('archive', 'retry', '-n', 'argo', uid)).rejects.toThrow(/already exists on cluster/);

  await cli('archive', 'delete', uid);
  await expect(cli('archive', 'get', uid)).rejects.toThrow(/not found/);
  expect(await getJson(`/api/v1/archived-workflows/${uid}`)).toEqual({ code: 5, message: 'not found' });
});

it('answers API errors as argo-server', async () => {
  expect(await getJson('/api/v1/archived-workflows?listOptions.continue=x')).toEqual({ code: 3, message: 'listOptions.continue must be int' });
  expect(await getJson('/api/v1/archived-workflows-label-values?listOptions.labelSelector=a=b')).toEqual({ code: 3, message: 'operation = is not supported' });
  expect(await getJson('/api/v1/archived-workflows?listOptions.fieldSelector=metadata.name%3Dnope')).toEqual({ metadata: {}, items: null });
});

it('keeps the archive across a restart, and retries an archived workflow whose live one was deleted', async () => {
  const name = (await cli('submit', '-n', 'argo', '-o', 'name', failing)).trim();
  const uid = await archivedUid(name);
  await capstan.stop();
  capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
  expect(await cli('archive', 'list', '-n', 'argo', '-o', 'name')).toContain(name);

  await cli('delete', '-n', 'argo', name);
  const retried = JSON.parse(await cli('archive', 'retry', '-n', 'argo', uid, '-o', 'json')) as Workflow;
  expect(retried.metadata.name).toBe(name);
  expect(retried.metadata.uid).not.toBe(uid);
  expect(retried.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status']).toBeUndefined();
  expect(retried.status?.phase).toBeUndefined();
});
