/**
 * Dashboard speed in real Chromium (Playwright): a 10,000-node workflow's graph, a 10,000-workflow list, and
 * 100,000 log lines while following. Usage: npx tsx bench/graph-render.ts (needs `next build` first).
 *
 * The graph and list data are served to the page by Playwright (page.route) from deterministic fixtures, so the
 * figures measure the browser side only: from the moment the data has arrived to the first drawn node, then
 * pan/zoom frame rate and the tab's JS heap. The logs come from a real workflow run by Capstan's embedded mode.
 * Argo's UI (v3.7.9, built by scripts/argo-ui/build-argo-ui.sh) is measured on the same 10,000-node workflow in the
 * same run: its built files are served to the page by Playwright with the `<base href>` argo-server writes in, the
 * workflow is served exactly as to Capstan's page, and its other API calls go to Capstan (Argo's REST API).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { type BrowserContext, type CDPSession, type Page, chromium } from '@playwright/test';
import { generateLargeDag } from '../lib/graph/testing/large-dag';

const port = Number(process.env.BENCH_PORT ?? 3014);
/** BENCH_URL: measure a Capstan that is already running instead of starting one (embedded mode, namespace argo). */
const base = process.env.BENCH_URL ?? `http://127.0.0.1:${port}`;
const dataDir = process.env.BENCH_DATA_DIR ?? '/tmp/capstan-bench-dashboard';

async function startCapstan() {
  const child = spawn('sh', ['scripts/start.sh', '--port', String(port), '--data-dir', dataDir, '--no-samples'], { stdio: 'ignore' });
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${base}/api/v1/version`)).ok) return child;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill();
  throw new Error('Capstan did not start');
}

/** Counts animation frames in the page until stopped: frames per second and the longest frame. */
async function startFrameMeter(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __metering: boolean };
    w.__frames = [];
    w.__metering = true;
    const tick = (t: number) => { w.__frames.push(t); if (w.__metering) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
}
async function stopFrameMeter(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __metering: boolean };
    w.__metering = false;
    const f = w.__frames;
    let longest = 0;
    for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i]! - f[i - 1]!);
    const seconds = (f[f.length - 1]! - f[0]!) / 1000;
    return { fps: (f.length - 1) / seconds, longestFrameMs: longest };
  });
}

/** BENCH_PROFILE=1: Chromium's sampling profiler over CDP, to see what a measurement spends its frames on. */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}
/** Prints the functions with the most self time and saves the profile (open it in Chromium's DevTools). */
async function stopProfile(cdp: CDPSession, name: string) {
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(tmpdir(), `capstan-bench-${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const selfUs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (deltas[i] ?? 0));
  });
  const top = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error(`${name} profile (${file}), self time:`);
  for (const [key, us] of top) console.error(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  return profile;
}

/** BENCH_TRACE=1: where the renderer's main thread spent a measurement (Chromium's timeline events). */
function summariseTrace(buffer: Buffer, name: string) {
  const file = join(tmpdir(), `capstan-bench-${name}.trace.json`);
  writeFileSync(file, buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: { name: string; ph: string; dur?: number }[] };
  const total = new Map<string, { count: number; ms: number; longest: number }>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    const t = total.get(e.name) ?? { count: 0, ms: 0, longest: 0 };
    t.count++; t.ms += e.dur / 1000; t.longest = Math.max(t.longest, e.dur / 1000);
    total.set(e.name, t);
  }
  console.error(`${name} trace (${file}):`);
  for (const [event, t] of [...total].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) console.error(`  ${t.ms.toFixed(0).padStart(7)} ms  ${event} ×${t.count}, longest ${t.longest.toFixed(0)} ms`);
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { functionName?: string; url?: string } } }
type CpuProfile = Awaited<ReturnType<typeof stopProfile>>;

/**
 * BENCH_TRACE=1 on the logs: what each long task (over 50 ms) of the renderer's main thread was made of, from
 * Chromium's timeline events (self time by event, with the function for script calls), and with BENCH_PROFILE=1
 * the functions the sampling profiler saw inside the long tasks.
 */
function summariseLongTasks(buffer: Buffer, name: string, profile?: CpuProfile) {
  const file = join(tmpdir(), `capstan-bench-${name}.trace.json`);
  writeFileSync(file, buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const main = traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer: the main thread with the most events.
  const count = (m: TraceEvent) => traceEvents.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const thread = main.sort((a, b) => count(b) - count(a))[0];
  if (!thread) { console.error(`${name} trace (${file}): no renderer main thread`); return; }
  const events = traceEvents.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  console.error(`${name} trace (${file}): ${tasks.length} tasks over 50 ms`);
  const label = (e: TraceEvent) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' ? `${e.name} ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}` : e.name;
  summariseLongFrames(traceEvents, thread);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = events.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Self time: an event's duration less its direct children's.
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
        const top = stack.pop()!;
        self.set(label(top.e), (self.get(label(top.e)) ?? 0) + top.e.dur! - top.children);
        if (stack.length) stack[stack.length - 1]!.children += top.e.dur!;
      }
    };
    for (const e of inside) { close(e.ts); stack.push({ e, children: 0 }); }
    close(Infinity);
    const parts = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`).join('; ');
    console.error(`  task ${(task.dur! / 1000).toFixed(0)} ms at +${((task.ts - tasks[0]!.ts) / 1e6).toFixed(2)} s: ${parts}`);
    if (profile) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const fns = new Map<string, number>();
      let t = profile.startTime;
      (profile.samples ?? []).forEach((id, i) => {
        t += profile.timeDeltas?.[i] ?? 0;
        if (t < task.ts || t > end) return;
        const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
        const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
        fns.set(key, (fns.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
      });
      console.error(`    sampled: ${[...fns].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`).join('; ')}`);
    }
  }
}

/**
 * The frames over 50 ms (gaps between the page's animation frames, as the frame meter counts them) and what every
 * thread of the browser did in each: its tasks' wall time and, where Chromium records it, their CPU time. A gap
 * whose tasks' CPU time is far below their wall time was spent waiting for a core (a loaded machine), not working.
 */
function summariseLongFrames(traceEvents: TraceEvent[], main: TraceEvent) {
  const frames = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'FireAnimationFrame' && e.ph === 'X').map((e) => e.ts).sort((a, b) => a - b);
  const names = new Map(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args?.name ?? '?']));
  const tasks = traceEvents.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined);
  let gaps = 0;
  for (let i = 1; i < frames.length; i++) {
    const [from, to] = [frames[i - 1]!, frames[i]!];
    if (to - from <= 50_000) continue;
    if (++gaps > 12) continue;
    const busy = new Map<string, { wall: number; cpu: number }>();
    for (const t of tasks) {
      const overlap = Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts);
      if (overlap <= 0) continue;
      const key = `${names.get(`${t.pid}/${t.tid}`) ?? 'thread'}${t.pid === main.pid ? '' : ` (pid ${t.pid})`}`;
      const b = busy.get(key) ?? { wall: 0, cpu: 0 };
      b.wall += overlap;
      b.cpu += t.tdur !== undefined ? t.tdur * (overlap / t.dur!) : NaN;
      busy.set(key, b);
    }
    const parts = [...busy].sort((a, b) => b[1].wall - a[1].wall).slice(0, 6).map(([k, b]) => `${k} ${(b.wall / 1000).toFixed(0)}${Number.isNaN(b.cpu) ? '' : ` (cpu ${(b.cpu / 1000).toFixed(0)})`}`);
    console.error(`  frame ${((to - from) / 1000).toFixed(0)} ms at +${((from - frames[0]!) / 1e6).toFixed(2)} s: ${parts.join('; ') || 'no task on any thread'}`);
  }
  console.error(`  ${gaps} frames over 50 ms in the trace (ms of tasks per thread within each)`);
}

async function heapMb(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

/** Milliseconds from the end of the response for `urlPart` to the first element matching `selector`. */
async function sinceResponse(page: Page, urlPart: string, selector: string) {
  await page.waitForSelector(selector, { timeout: 120_000 });
  return page.evaluate(({ urlPart }) => {
    const w = window as unknown as { __firstSeen?: number };
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(urlPart)) as PerformanceResourceTiming | undefined;
    return (w.__firstSeen ?? performance.now()) - (entry?.responseEnd ?? 0);
  }, { urlPart });
}

/** Stamps the time the first element matching `selector` appears (a MutationObserver set up before the page loads). */
function stampFirst(page: Page, selector: string) {
  return page.addInitScript((sel) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(sel)) {
        (window as unknown as { __firstSeen?: number }).__firstSeen = performance.now();
        observer.disconnect();
      }
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  }, selector);
}

async function panZoom(page: Page) {
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrameMeter(page);
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(40); }
  await page.mouse.down();
  for (let i = 0; i < 40; i++) { await page.mouse.move(box.x + box.width / 2 - i * 15, box.y + box.height / 2 - i * 8); await page.waitForTimeout(16); }
  await page.mouse.up();
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(40); }
  return stopFrameMeter(page);
}

/** A request that is never answered: a watch stream that stays open with nothing to say. */
function keepPending(): void { /* never fulfilled */ }

/** The finished DAG both UIs are given, as the API would send it. */
function bigDagWorkflowJson(tasks: number): string {
  const nodes = generateLargeDag({ tasks, width: 100, workflowName: 'big-dag' });
  return JSON.stringify({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow',
    metadata: { name: 'big-dag', namespace: 'argo', uid: 'bench', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { entrypoint: 'main' },
    status: { phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T01:00:00Z', progress: `${tasks}/${tasks}`, nodes },
  });
}

async function benchGraph(page: Page, tasks: number) {
  const body = bigDagWorkflowJson(tasks);
  await page.route('**/api/v1/workflows/argo/big-dag', (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.route('**/api/v1/workflow-events/**', keepPending);
  await stampFirst(page, '.react-flow__node');
  await page.goto(`${base}/workflows/argo/big-dag`);
  const collapsedPaint = await sinceResponse(page, '/api/v1/workflows/argo/big-dag', '.react-flow__node');
  const collapsedNodes = await page.locator('.react-flow__node').count();
  const started = Date.now();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.waitForFunction(() => !document.querySelector('[role=status]') && document.querySelectorAll('.react-flow__node').length > 0, undefined, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const expandMs = Date.now() - started;
  const fps = await panZoom(page);
  const heap = await heapMb(page);
  await page.unrouteAll();
  return { tasks, bytes: body.length, collapsedPaint, collapsedNodes, expandMs, fps, heap };
}

const argoUiDist = process.env.ARGO_UI_DIST ?? join(homedir(), '.cache/capstan/argo-ui/v3.7.9/dist/app');
const argoOrigin = 'http://argo-ui.bench';

/** Serves Argo's built UI at `argoOrigin`, as argo-server does (index.html for its routes, `<base href="/">`). */
async function routeArgoUi(page: Page) {
  const index = readFileSync(join(argoUiDist, 'index.html'), 'utf8').replace('<head>', '<head><base href="/">');
  await page.route(`${argoOrigin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      const response = await route.fetch({ url: `${base}${url.pathname}${url.search}` });
      return route.fulfill({ response });
    }
    const file = join(argoUiDist, decodeURIComponent(url.pathname));
    if (file.startsWith(argoUiDist) && existsSync(file) && statSync(file).isFile()) return route.fulfill({ path: file });
    return route.fulfill({ contentType: 'text/html', body: index });
  });
  // Streams never end: leave Argo's UI's watch pending, as Capstan's page's (a stream that ends is an error it
  // reconnects from, getting and laying out the workflow again).
  await page.route(/\/api\/v1\/(workflow-events|stream)\//, keepPending);
}

/**
 * The same workflow in Argo v3.7.9's UI: first drawn node after the data arrived, then scrolling the graph.
 * `layout`: Argo's default ("pretty", dagre on the main thread) or its "fast" one (the lightning button, kept in
 * local storage under `graph/workflow-dag/fast`).
 */
async function benchArgoGraph(page: Page, tasks: number, layout: 'pretty' | 'fast') {
  const body = bigDagWorkflowJson(tasks);
  await routeArgoUi(page);
  if (layout === 'fast') await page.addInitScript(() => localStorage.setItem('graph/workflow-dag/fast', 'true'));
  await page.route('**/api/v1/workflows/argo/big-dag', (route) => route.fulfill({ contentType: 'application/json', body }));
  await stampFirst(page, '.graph g.node');
  if (process.env.BENCH_VERBOSE) {
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`argo ui console ${m.type()}: ${m.text().slice(0, 300)}`); });
    page.on('pageerror', (e) => console.error(`argo ui page error: ${e.message.slice(0, 300)}`));
    page.on('response', (r) => { if (r.status() >= 400) console.error(`argo ui ${r.status()} ${r.url()}`); });
  }
  await page.goto(`${argoOrigin}/workflows/argo/big-dag`);
  if (process.env.BENCH_SCREENSHOTS) {
    await page.waitForTimeout(10_000);
    await page.screenshot({ path: join(process.env.BENCH_SCREENSHOTS, `argo-ui-${tasks}.png`) });
  }
  let paint: number | undefined;
  try {
    paint = await sinceResponse(page, '/api/v1/workflows/argo/big-dag', '.graph g.node');
  } catch { /* not drawn within the time limit */ }
  if (paint === undefined) return { tasks, layout, paint, drawn: 0 };
  // Argo's UI lays out on the main thread: wait for it to answer again (the first frame after the first node).
  page.setDefaultTimeout(300_000);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const settled = await page.evaluate(({ urlPart }) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(urlPart)) as PerformanceResourceTiming | undefined;
    return performance.now() - (entry?.responseEnd ?? 0);
  }, { urlPart: '/api/v1/workflows/argo/big-dag' });
  const drawn = await page.locator('.graph g.node').count();
  const box = (await page.locator('.graph').first().boundingBox())!;
  await page.mouse.move(box.x + Math.min(box.width, 1200) / 2, box.y + 300);
  await startFrameMeter(page);
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(60, 120); await page.waitForTimeout(16); }
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(-60, -120); await page.waitForTimeout(16); }
  const fps = await stopFrameMeter(page);
  const heap = await heapMb(page);
  await page.unrouteAll();
  return { tasks, layout, paint, settled, drawn, fps, heap };
}

async function benchList(page: Page, count: number) {
  const items = Array.from({ length: count }, (_, i) => ({
    metadata: { name: `wf-${String(count - i).padStart(5, '0')}`, namespace: 'argo', uid: `uid-${i}`, resourceVersion: String(i + 1), creationTimestamp: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString().replace('.000', ''), labels: { 'workflows.argoproj.io/workflow-template': 'nightly', 'workflows.argoproj.io/phase': i % 7 === 0 ? 'Failed' : 'Succeeded' } },
    status: { phase: i % 7 === 0 ? 'Failed' : 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:03:00Z', progress: '4/4', message: i % 7 === 0 ? 'child failed' : undefined },
  }));
  const body = JSON.stringify({ metadata: { resourceVersion: String(count) }, items });
  await page.route(/\/api\/v1\/workflows\/argo\?/, (route) => route.fulfill({ contentType: 'application/json', body }));
  await page.route('**/api/v1/workflow-events/**', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: ':\n\n' }));
  await stampFirst(page, '[role=table] [role=rowgroup] [role=row]');
  await page.goto(`${base}/workflows/argo`);
  const firstRows = await sinceResponse(page, '/api/v1/workflows/argo?', '[role=table] [role=rowgroup] [role=row]');
  const scroller = page.getByTestId('workflow-rows');
  await scroller.hover();
  const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : undefined;
  if (process.env.BENCH_TRACE) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline'] });
  await startFrameMeter(page);
  for (let i = 0; i < 60; i++) { await page.mouse.wheel(0, 800); await page.waitForTimeout(16); }
  const fps = await stopFrameMeter(page);
  if (profiler) await stopProfile(profiler, 'list');
  if (process.env.BENCH_TRACE) summariseTrace(await page.context().browser()!.stopTracing(), 'list');
  if (process.env.BENCH_SCREENSHOTS) await page.screenshot({ path: join(process.env.BENCH_SCREENSHOTS, 'list-scrolled.png') });
  const heap = await heapMb(page);
  await page.unrouteAll();
  return { count, bytes: body.length, firstRows, fps, heap };
}

/** The machine's floor: frames of a page that does nothing but count them, over `seconds`. */
async function idleFrames(page: Page, seconds: number) {
  await page.setContent('<p>idle</p>');
  await startFrameMeter(page);
  await page.waitForTimeout(seconds * 1000);
  return stopFrameMeter(page);
}

async function benchLogs(page: Page, lines: number) {
  const workflow = {
    metadata: { generateName: 'bench-logs-' },
    spec: { entrypoint: 'main', templates: [{ name: 'main', script: { image: 'alpine', command: ['sh'], source: `i=0; while [ $i -lt ${lines} ]; do i=$((i+1)); echo "\\033[32mINFO\\033[0m line $i of the benchmark log, with some text to make it a realistic length"; done; sleep 2` } }] },
  };
  const created = await (await fetch(`${base}/api/v1/workflows/argo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflow }) })).json() as { metadata: { name: string } };
  await page.goto(`${base}/workflows/argo/${created.metadata.name}?tab=logs`);
  await page.waitForSelector('[role=log]');
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : undefined;
  if (process.env.BENCH_TRACE) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink'] });
  await startFrameMeter(page);
  const started = Date.now();
  // Poll the viewer's line count (and say how far it got, so a stall is visible) until every line is shown.
  for (let shown = 0; shown < lines;) {
    if (Date.now() - started > 300_000) throw new Error(`the logs viewer showed ${shown} of ${lines} lines after 300 s`);
    await page.waitForTimeout(1000);
    const status = await page.evaluate(() => document.querySelector('[role=log]')?.parentElement?.querySelector('p')?.textContent ?? '');
    shown = Number(/^([\d,]+) lines/.exec(status)?.[1]?.replaceAll(',', '') ?? 0);
    if (process.env.BENCH_VERBOSE) console.error(`logs: ${((Date.now() - started) / 1000).toFixed(0)} s, ${status}`);
  }
  const seconds = (Date.now() - started) / 1000;
  const fps = await stopFrameMeter(page);
  const profile = profiler ? await stopProfile(profiler, 'logs') : undefined;
  if (process.env.BENCH_TRACE) summariseLongTasks(await page.context().browser()!.stopTracing(), 'logs', profile);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const heap = await heapMb(page);
  return { lines, seconds, fps, longestTask: Math.max(0, ...longTasks), longTasksOver50: longTasks.filter((t) => t > 50).length, heap };
}

const capstan = process.env.BENCH_URL ? undefined : await startCapstan();
const browser = await chromium.launch({ executablePath: process.env.PW_CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu', '--enable-precise-memory-info'] });
try {
  const which = process.argv[2] ?? 'all';
  let previous: BrowserContext | undefined;
  const fresh = async () => {
    // Close the last measurement's tab first: one still laying out (Argo's UI past its time limit) would take
    // the CPU from the next measurement.
    await previous?.close();
    const context = previous = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a `__name` helper that functions sent to the page also call.
    await context.addInitScript('window.__name = (f) => f');
    return context.newPage();
  };
  if (which === 'all' || which === 'graph') {
    for (const tasks of [2_000, 10_000]) {
      const r = await benchGraph(await fresh(), tasks);
      console.log(`graph ${r.tasks} tasks (${(r.bytes / 1e6).toFixed(1)} MB): first paint ${r.collapsedPaint.toFixed(0)} ms after data (${r.collapsedNodes} nodes drawn collapsed); expand all ${r.expandMs} ms; pan/zoom ${r.fps.fps.toFixed(0)} fps, longest frame ${r.fps.longestFrameMs.toFixed(0)} ms; heap ${r.heap.toFixed(0)} MB`);
    }
  }
  if ((which === 'all' || which === 'graph' || which === 'argo') && existsSync(argoUiDist)) {
    const runs: [number, 'pretty' | 'fast'][] = process.env.BENCH_ARGO_TASKS
      ? [[Number(process.env.BENCH_ARGO_TASKS), (process.env.BENCH_ARGO_LAYOUT ?? 'pretty') as 'pretty' | 'fast']]
      : [[2_000, 'pretty'], [2_000, 'fast'], [10_000, 'fast']];
    for (const [tasks, layout] of runs) {
      const r = await benchArgoGraph(await fresh(), tasks, layout);
      if (r.paint === undefined) console.log(`argo ui graph ${r.tasks} tasks, ${r.layout} layout: no node drawn within 120 s`);
      else console.log(`argo ui graph ${r.tasks} tasks, ${r.layout} layout: first paint ${r.paint.toFixed(0)} ms after data, responsive again ${r.settled!.toFixed(0)} ms after data (${r.drawn} nodes drawn); scroll ${r.fps!.fps.toFixed(0)} fps, longest frame ${r.fps!.longestFrameMs.toFixed(0)} ms; heap ${r.heap!.toFixed(0)} MB`);
    }
  } else if (which === 'argo') console.log(`Argo's UI is not built (${argoUiDist}): run scripts/argo-ui/build-argo-ui.sh`);
  if (which === 'all' || which === 'list') {
    const r = await benchList(await fresh(), 10_000);
    console.log(`list ${r.count} workflows (${(r.bytes / 1e6).toFixed(1)} MB): first rows ${r.firstRows.toFixed(0)} ms after data; scroll ${r.fps.fps.toFixed(0)} fps, longest frame ${r.fps.longestFrameMs.toFixed(0)} ms; heap ${r.heap.toFixed(0)} MB`);
  }
  if (which === 'all' || which === 'logs') {
    const floor = await idleFrames(await fresh(), 10);
    console.log(`idle page (the machine's floor), 10 s: ${floor.fps.toFixed(0)} fps, longest frame ${floor.longestFrameMs.toFixed(0)} ms`);
    const r = await benchLogs(await fresh(), 100_000);
    console.log(`logs ${r.lines} lines followed in ${r.seconds.toFixed(1)} s: ${r.fps.fps.toFixed(0)} fps, longest frame ${r.fps.longestFrameMs.toFixed(0)} ms, longest task ${r.longestTask.toFixed(0)} ms (${r.longTasksOver50} over 50 ms); heap ${r.heap.toFixed(0)} MB`);
  }
} finally {
  await browser.close();
  capstan?.kill();
}
