import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import { argoCli, argoCliBin as argoBin, manifestFile } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// The workflow list and get include the archive, as argo-server v3.5+ with persistence: embedded Capstan (archive
// always on) archives what completes; a workflow deleted from the live store is still listed and readable, none is
// listed twice, and `continue` offsets page across live and archived workflows.
let capstan: CapstanProcess;
const manifest = manifestFile('merged', `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: merged-}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox, command: [echo, hi]}
`);
const cli = (...args: string[]) => argoCli(argoBin, `127.0.0.1:${capstan.port}`, args).then((r) => r.stdout);
const list = async (query = '') => (await fetch(`${capstan.url}/api/v1/workflows/argo${query}`)).json() as Promise<{ items: Workflow[] | null; metadata: { continue?: string } }>;

beforeAll(async () => {
  capstan = await startCapstan(['--no-samples']);
});
afterAll(async () => {
  await capstan?.stop();
});

it('lists and gets archived workflows with the live ones, once each, across pages', async () => {
  const names: string[] = [];
  for (let i = 0; i < 5; i++) names.push((await cli('submit', '-n', 'argo', manifest, '--wait', '-o', 'name')).trim());
  // Wait until all are archived, then delete two from the live store.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const archived = await (await fetch(`${capstan.url}/api/v1/archived-workflows?namespace=argo`)).json() as { items: Workflow[] | null };
    if ((archived.items ?? []).length >= 5) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await cli('delete', '-n', 'argo', names[0]!, names[1]!);

  const all = await list();
  expect((all.items ?? []).map((w) => w.metadata.name).sort()).toEqual([...names].sort());
  // Pages of two: every workflow exactly once, `continue` an offset across live and archived.
  const paged: string[] = [];
  let token: string | undefined = '';
  while (token !== undefined) {
    const page = await list(`?listOptions.limit=2${token ? `&listOptions.continue=${token}` : ''}`);
    paged.push(...(page.items ?? []).map((w) => w.metadata.name ?? ''));
    token = page.metadata.continue;
  }
  expect(paged.sort()).toEqual([...names].sort());

  // The CLI sees them too, and `argo get` of a deleted workflow answers from the archive.
  const listed = (await cli('list', '-n', 'argo', '-o', 'name')).trim().split('\n').sort();
  expect(listed).toEqual([...names].sort());
  const fromArchive = JSON.parse(await cli('get', '-n', 'argo', names[0]!, '-o', 'json')) as Workflow;
  expect(fromArchive.status?.phase).toBe('Succeeded');
  expect(Object.keys(fromArchive.status?.nodes ?? {})).toHaveLength(1);
  // Logs with a pod label selector (argo-server's `selector`): only matching pods answer.
  const logs = async (selector: string) => (await fetch(`${capstan.url}/api/v1/workflows/argo/${names[4]}/log?logOptions.container=main&selector=${encodeURIComponent(selector)}`)).text();
  expect(await logs(`workflows.argoproj.io/workflow=${names[4]}`)).toContain('"content":"hi"');
  expect(await logs('workflows.argoproj.io/workflow=other')).not.toContain('"content"');
  const bad = await fetch(`${capstan.url}/api/v1/workflows/argo/${names[4]}/log?selector=a%20in%20(`);
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('selector: unable to parse');
  // A name in neither place keeps the live error.
  const missing = await fetch(`${capstan.url}/api/v1/workflows/argo/nope`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ code: 5, message: 'workflows.argoproj.io "nope" not found' });
});
