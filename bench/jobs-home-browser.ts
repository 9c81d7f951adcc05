/**
 * The jobs home with 1,000 jobs in 50 folders, in real Chromium (Playwright) against a real embedded Capstan:
 * time to interactive of /jobs, opening a folder, and search latency, each from the user's action to the table
 * showing the answer. Usage: npx tsx bench/jobs-home-browser.ts (needs `next build` first).
 *
 * The 1,000 WorkflowTemplates are created through Argo's API (`capstan.io/folder` annotations: 10 groups of 5 teams);
 * each gets 20 builds written straight into the history tables while Capstan is stopped, so every row has a last
 * build, a last success or failure and weather. Argo's UI is not measured: it has no jobs page, and the test bed's
 * `argo server` has no UI at all (docs/test-bed.md).
 *
 * BENCH_DATA_DIR=<dir> keeps the prepared data directory there and reuses it on the next run (preparing takes a
 * minute or more); BENCH_TRACE=<file.json> writes a Chromium performance trace of one load of /jobs (open it in
 * Chrome's DevTools, Performance panel).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Page, chromium } from '@playwright/test';
import { startCapstan } from '../server/testing/capstan-process';

const jobCount = 1000;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const namespace = 'argo';
const folderOf = (i: number) => `group-${Math.floor(i / 100)}/team-${Math.floor(i / 20) % 5}`;

const builds = `
  insert into capstan_builds (cluster_name, job_kind, job_namespace, job_name, number, uid, namespace, workflow_name, phase, started_at, finished_at, created_at, trigger, parameters)
  select 'default', 'workflowtemplates', '${namespace}', 'job-' || lpad(j::text, 4, '0'), n, 'bench-' || j || '-' || n, '${namespace}', 'job-' || j || '-' || n,
    case when (j + n) % 7 = 0 then 'Failed' else 'Succeeded' end, now() - make_interval(mins => 100 - n), now() - make_interval(mins => 99 - n), now(),
    '{"type":"cron"}'::jsonb, '[]'::jsonb
  from generate_series(0, ${jobCount - 1}) j, generate_series(1, 20) n
  on conflict do nothing;
  insert into capstan_build_counters (cluster_name, job_kind, job_namespace, job_name, last_number, build_count)
  select 'default', 'workflowtemplates', '${namespace}', 'job-' || lpad(j::text, 4, '0'), 20, 20 from generate_series(0, ${jobCount - 1}) j
  on conflict do nothing`;

async function createTemplates(url: string): Promise<void> {
  const create = async (i: number) => {
    const name = `job-${String(i).padStart(4, '0')}`;
    const response = await fetch(`${url}/api/v1/workflow-templates/${namespace}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: { metadata: { name, annotations: { 'capstan.io/folder': folderOf(i), 'workflows.argoproj.io/description': `Bench job ${i}` } },
        spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'branch', value: 'main' }] }, templates: [{ name: 'main', container: { image: 'busybox', command: ['true'] } }] } } }),
    });
    if (!response.ok && response.status !== 409) throw new Error(`creating ${name}: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; i < jobCount; i += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => create(i + k)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const fmt = (values: number[]) => `median ${median(values).toFixed(0).padStart(4)} ms (max ${Math.max(...values).toFixed(0)})`;

/** Long tasks (main thread busy over 50 ms) since the page started: the end of the last one bounds time to interactive. */
async function lastLongTaskEnd(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.reduce((a, b) => Math.max(a, b), 0));
}

async function main(): Promise<void> {
  const kept = process.env.BENCH_DATA_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'capstan-bench-jobs-'));
  const preparedMarker = join(dataDir, 'bench-jobs-prepared');
  let capstan: Awaited<ReturnType<typeof startCapstan>> | undefined;
  try {
    if (!existsSync(preparedMarker)) {
      mkdirSync(dataDir, { recursive: true });
      capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
      const created = performance.now();
      await createTemplates(capstan.url);
      console.log(`  created ${jobCount} WorkflowTemplates in 50 folders through the API in ${((performance.now() - created) / 1000).toFixed(1)} s`);
      await capstan.stop();
      const db = await PGlite.create(join(dataDir, 'db'));
      await db.exec(builds);
      await db.close();
      writeFileSync(preparedMarker, '');
    }
    capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });

    const browser = await chromium.launch({ executablePath: process.env.PW_CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${capstan.url}/jobs`); // warm the server's compiled page and caches once
    await page.getByRole('table', { name: 'Jobs' }).getByRole('row').nth(1).waitFor();

    const trace = process.env.BENCH_TRACE;
    if (trace) {
      const traced = await context.newPage();
      await browser.startTracing(traced, { path: trace, screenshots: true, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
      await traced.goto(`${capstan.url}/jobs`, { waitUntil: 'commit' });
      await traced.getByRole('table', { name: 'Jobs' }).getByRole('row').nth(1).waitFor();
      await traced.waitForTimeout(1500);
      await browser.stopTracing();
      await traced.close();
      console.log(`  trace of one load of /jobs written to ${trace}`);
    }

    const api: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await fetch(`${capstan.url}/api/capstan/v1/jobs`);
      const body = (await response.json()) as { items: unknown[] };
      api.push(performance.now() - started);
      if (body.items.length !== jobCount) throw new Error(`expected ${jobCount} jobs, got ${body.items.length}`);
    }

    const home: number[] = [];
    const phases: { html: number; scripts: number; listStart: number; listEnd: number }[] = [];
    const homeQuiet: number[] = [];
    for (let i = 0; i < runs; i++) {
      const fresh = await context.newPage();
      await fresh.goto(`${capstan.url}/jobs`, { waitUntil: 'commit' });
      await fresh.getByRole('table', { name: 'Jobs' }).getByRole('row').nth(1).waitFor();
      await fresh.getByRole('tree', { name: 'Folders' }).waitFor();
      const shown = await fresh.evaluate(() => performance.now());
      const timing = await fresh.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const list = performance.getEntriesByType('resource').find((e) => /\/api\/capstan\/v1\/jobs(\?|$)/.test(e.name)) as PerformanceResourceTiming | undefined;
        return { html: navigation?.responseEnd ?? 0, scripts: navigation?.domContentLoadedEventEnd ?? 0, listStart: list?.startTime ?? 0, listEnd: list?.responseEnd ?? 0 };
      });
      phases.push(timing);
      await fresh.waitForTimeout(1500);
      home.push(shown);
      homeQuiet.push(Math.max(shown, await lastLongTaskEnd(fresh)));
      await fresh.close();
    }

    const folder: number[] = [];
    const search: number[] = [];
    const rows = page.getByRole('table', { name: 'Jobs' }).getByRole('row');
    for (let i = 0; i < runs; i++) {
      await page.goto(`${capstan.url}/jobs`);
      await rows.nth(1).waitFor();
      const tree = page.getByRole('tree', { name: 'Folders' });
      const group = `group-${i}`;
      const team = `team-${i % 5}`;
      await tree.getByRole('button', { name: `Expand ${group}` }).click();
      const link = tree.locator(`a[title="${group}/${team}"]`);
      const started = await page.evaluate(() => performance.now());
      await link.click();
      await page.waitForFunction((text) => [...document.querySelectorAll('header *')].some((e) => e.textContent?.includes(text)), `${group} / ${team} · 20 jobs`);
      folder.push((await page.evaluate(() => performance.now())) - started);

      await page.goto(`${capstan.url}/jobs`);
      await rows.nth(1).waitFor();
      const box = page.getByLabel('Search jobs');
      const typed = await page.evaluate(() => performance.now());
      await box.fill(`job-0${i}7`);
      await page.waitForFunction(() => [...document.querySelectorAll('header *')].some((e) => /· 10 jobs$/.test(e.textContent ?? '')));
      search.push((await page.evaluate(() => performance.now())) - typed);
    }
    const heap = await (async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
    })();
    await browser.close();

    console.log(`  GET /api/capstan/v1/jobs (1,000 jobs, folder tree):          ${fmt(api)}`);
    console.log(`  /jobs from navigation to rows and folder tree on screen:      ${fmt(home)}`);
    console.log(`  /jobs time to interactive (and no long task after):           ${fmt(homeQuiet)}`);
    console.log(`    of which: HTML ${fmt(phases.map((p) => p.html))}; scripts run ${fmt(phases.map((p) => p.scripts))}; ` +
      `jobs request sent ${fmt(phases.map((p) => p.listStart))}, answered ${fmt(phases.map((p) => p.listEnd))}; rows drawn ${fmt(home.map((h, i) => h - phases[i]!.listEnd))} after the answer`);
    console.log(`  open a folder (click to the table showing its 20 jobs):       ${fmt(folder)}`);
    console.log(`  search (typing to the table showing 10 matches; 250 ms debounce included): ${fmt(search)}`);
    console.log(`  tab JS heap after the runs: ${heap.toFixed(0)} MB`);
  } finally {
    await capstan?.stop();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
