import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, expect, it } from 'vitest';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { SqlResourceStore } from '../cluster/sql-resource-store';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// CronWorkflows in embedded mode, in real time: `@every 5s` (robfig/cron, as Argo accepts it) gives runs within
// seconds. Capstan runs in UTC so the scheduled-time annotation is predictable.
const dataDir = mkdtempSync(join(tmpdir(), 'capstan-cron-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { TZ: 'UTC' };
const name = 'tick';

const cronWorkflow = {
  metadata: { name },
  spec: {
    schedules: ['@every 5s'],
    successfulJobsHistoryLimit: 1,
    startingDeadlineSeconds: 120,
    workflowMetadata: { labels: { team: 'qa' }, annotations: { purpose: 'integration' } },
    workflowSpec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'busybox', command: ['echo'], args: ['tick'] } }],
    },
  },
};

async function getCron(capstan: CapstanProcess): Promise<CronWorkflow> {
  return (await fetch(`${capstan.url}/api/v1/cron-workflows/argo/${name}`)).json();
}
async function runs(capstan: CapstanProcess): Promise<Workflow[]> {
  const selector = encodeURIComponent(`workflows.argoproj.io/cron-workflow=${name}`);
  const body = await (await fetch(`${capstan.url}/api/v1/workflows/argo?listOptions.labelSelector=${selector}`)).json();
  return body.items ?? [];
}
// What the stopped Capstan left in its database.
async function readStoppedState(): Promise<{ cron: CronWorkflow; names: string[] }> {
  const db = await PGlite.create(join(dataDir, 'db'));
  const store = await SqlResourceStore.open(db, () => db.close());
  try {
    const cron = await store.get<CronWorkflow & KubeObject>('cronworkflows', 'argo', name);
    const workflows = await store.list<KubeObject>('workflows', 'argo', { labelSelector: `workflows.argoproj.io/cron-workflow=${name}` });
    return { cron, names: workflows.items.map((w) => w.metadata.name ?? '') };
  } finally {
    await store.close();
  }
}

interface LoggedRun {
  scheduled: number;
  /** When the run was made, in ms. */
  at: number;
}

// The runs a Capstan process made, from its structured logs (history cleanup deletes them from the API).
function loggedRuns(capstan: CapstanProcess): LoggedRun[] {
  return capstan.output().split('\n').filter((line) => line.includes('"msg":"cron workflow run"')).map((line) => {
    const entry = JSON.parse(line) as { time: string; scheduledTime: string };
    return { scheduled: Date.parse(entry.scheduledTime) / 1000, at: Date.parse(entry.time) };
  });
}

const scheduledSecond = (workflow: Workflow) => Number(workflow.metadata.name?.slice(`${name}-`.length));

it('runs a CronWorkflow on schedule, keeps its history limit, and makes up a missed run once after a restart', async () => {
  const first = await startCapstan([], env, { dataDir, keepData: true });
  const seen = new Map<string, Workflow>();
  let stoppedAt: number;
  let oldestRun = '';
  try {
    const created = await fetch(`${first.url}/api/v1/cron-workflows/argo`, { method: 'POST', body: JSON.stringify({ cronWorkflow: cronWorkflow }) });
    expect(created.status).toBe(200);

    // Two runs succeed within about 12 s (plus the time the steps take).
    await expect.poll(async () => {
      for (const workflow of await runs(first)) seen.set(workflow.metadata.name ?? '', workflow);
      return (await getCron(first)).status?.succeeded ?? 0;
    }, { timeout: 40_000, interval: 300 }).toBeGreaterThanOrEqual(2);

    const names = [...seen.keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const workflowName of names) expect(workflowName).toMatch(/^tick-\d{10}$/);
    const [a, b] = names.map((n) => scheduledSecond(seen.get(n)!));
    expect(b! - a!).toBeGreaterThanOrEqual(5);

    oldestRun = names[0]!;
    const sample = seen.get(oldestRun)!;
    expect(sample.metadata.labels).toMatchObject({ 'workflows.argoproj.io/cron-workflow': name, team: 'qa' });
    expect(sample.metadata.annotations).toMatchObject({
      'workflows.argoproj.io/scheduled-time': new Date(scheduledSecond(sample) * 1000).toISOString().replace('.000Z', 'Z'),
      purpose: 'integration',
    });
    // Lists include archived runs in their reduced form, as argo-server's do; a get answers the whole workflow.
    const whole = (await (await fetch(`${first.url}/api/v1/workflows/argo/${names[0]}`)).json()) as Workflow;
    expect(whole.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'CronWorkflow', name, controller: true })]);

    const cron = await getCron(first);
    expect(cron.status?.phase).toBe('Active');
    expect(cron.status?.lastScheduledTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cron.metadata.annotations?.['cronworkflows.argoproj.io/last-used-schedule']).toBe('@every 5s');

    // They ran to Succeeded, and with a history limit of 1 only the newest succeeded run is kept. (The workflow list
    // also shows archived runs, as argo-server's does; the store read below shows what is left in the cluster.)
    await expect.poll(() => first.output(), { timeout: 15_000 })
      .toMatch(new RegExp(`"workflow":"${names[0]}","msg":"deleted workflow due to CronWorkflow history limit"`));
  } finally {
    await first.stop();
    stoppedAt = Date.now();
  }

  // Down for more than one period: the restart makes up the latest missed time once (startingDeadlineSeconds 120).
  const stopped = await readStoppedState();
  expect(stopped.names).not.toContain(oldestRun);
  const last = Math.floor(Date.parse(stopped.cron.status?.lastScheduledTime ?? '') / 1000);
  expect(stopped.names).toContain(`${name}-${last}`);
  // Down until two scheduled times after the last run have passed, whenever in its period the first Capstan stopped
  // (it may have run one just before stopping): only then is "the latest missed time" not also the first one.
  const twoMissedAt = Math.max(stoppedAt + 7_000, (last + 10) * 1000 + 500);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, twoMissedAt - Date.now())));
  const second = await startCapstan([], env, { dataDir, keepData: true });
  let secondRuns: LoggedRun[];
  try {
    await expect.poll(() => loggedRuns(second).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    secondRuns = loggedRuns(second);
  } finally {
    await second.stop();
  }
  // The first run after the restart is the made-up one: on the 5 s grid from the last run, run late (it was missed),
  // and the only one: the next run is a regular one, a full period later, not a burst of one per missed period.
  const [madeUp, next] = secondRuns;
  expect((madeUp!.scheduled - last) % 5).toBe(0);
  expect(madeUp!.scheduled - last).toBeGreaterThanOrEqual(10);
  expect(madeUp!.at).toBeGreaterThan(madeUp!.scheduled * 1000);
  expect(next!.scheduled - madeUp!.scheduled).toBeGreaterThanOrEqual(5);

  // Straight back up: whatever is made up now is a new scheduled time, never one that already ran.
  const third = await startCapstan([], env, { dataDir, keepData: true });
  try {
    await expect.poll(() => loggedRuns(third).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const before = new Set(secondRuns.map((run) => run.scheduled));
    for (const run of loggedRuns(third)) expect(before.has(run.scheduled)).toBe(false);
    expect(third.output()).not.toMatch(/cron run failed/);
    expect((await getCron(third)).status?.conditions ?? []).toEqual([]);
  } finally {
    await third.stop();
  }
}, 300_000);
