import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Frame, type Page, expect, test } from '@playwright/test';
import { type CapstanProcess, startCapstan } from '../server/testing/capstan-process';
import { type NginxProcess, proxySettings, startNginx } from '../server/testing/nginx';

// Capstan under /argo/ behind nginx, framed by a page on another site (127.0.0.1 frames localhost), as a portal
// such as Kubeflow's dashboard does. Once with the prefix rewritten to / (Istio's recipe), once passed through.
const ports = { rewrite: Number(process.env.E2E_NGINX_PORT ?? 3004), through: Number(process.env.E2E_NGINX_PORT ?? 3004) + 1, parent: Number(process.env.E2E_NGINX_PORT ?? 3004) + 2 };
const parentOrigin = `http://127.0.0.1:${ports.parent}`;

let capstan: CapstanProcess;
let nginx: NginxProcess;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  capstan = await startCapstan(['--base-href', '/argo/', '--x-frame-options=', '--frame-ancestors', `'self' ${parentOrigin}`]);
  nginx = await startNginx(
    (www) => `
  server {
    listen ${ports.rewrite};
    location /argo/ { proxy_pass http://127.0.0.1:${capstan.port}/; ${proxySettings} }
  }
  server {
    listen ${ports.through};
    location /argo/ { proxy_pass http://127.0.0.1:${capstan.port}; ${proxySettings} }
  }
  server {
    listen ${ports.parent};
    root ${www};
  }`,
    Object.values(ports),
  );
  for (const [name, port] of [['rewrite', ports.rewrite], ['through', ports.through]] as const) {
    writeFileSync(
      join(nginx.www, `${name}.html`),
      `<!doctype html><html><head><title>Portal</title></head><body style="margin:0;font-family:sans-serif">
<header style="padding:8px 16px;background:#334155;color:white">Portal (${name})</header>
<iframe title="Capstan" src="http://localhost:${port}/argo/workflow-templates" style="width:100%;height:900px;border:0"></iframe>
</body></html>`,
    );
  }
});

test.afterAll(async () => {
  await nginx?.stop();
  await capstan?.stop();
});

/** The Capstan frame once it shows a page under the prefix. */
async function capstanFrame(page: Page, origin: string): Promise<Frame> {
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(`${origin}/argo/`))?.url(), { timeout: 60_000 }).toBeTruthy();
  return page.frames().find((f) => f.url().startsWith(`${origin}/argo/`)) as Frame;
}

for (const proxy of ['rewrite', 'through'] as const) {
  test(`inside a portal's iframe behind a proxy that ${proxy === 'rewrite' ? 'rewrites /argo/ to /' : 'passes /argo/ through'}: list, submit, live graph, links`, async ({ page }) => {
    const origin = `http://localhost:${ports[proxy]}`;
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(`${origin}/argo/`) && !url.startsWith(parentOrigin) && !url.startsWith('data:')) outside.push(url);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${parentOrigin}/${proxy}.html`);
    const frame = page.frameLocator('iframe[title="Capstan"]');
    const card = frame.getByRole('listitem').filter({ hasText: 'build-test-deploy' });
    await expect(card).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: `test-results/embedded-${proxy}-templates.png` });

    // Submit from the template: the frame moves to the workflows list, still under the prefix.
    await card.getByRole('button', { name: 'Submit' }).click();
    const inner = await capstanFrame(page, origin);
    await expect.poll(() => inner.url()).toBe(`${origin}/argo/workflows`);
    const link = frame.getByRole('link', { name: /^build-test-deploy-/ }).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect.poll(() => inner.url()).toMatch(new RegExp(`^${origin}/argo/workflows/argo/build-test-deploy-`));

    // The graph follows the run live (the stream goes through the proxy unbuffered).
    for (const task of ['build', 'unit-tests', 'integration-tests', 'deploy']) {
      const node = frame.locator('.react-flow__node').filter({ has: frame.getByText(task, { exact: true }) });
      await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Succeeded', { timeout: 60_000 });
    }
    await page.screenshot({ path: `test-results/embedded-${proxy}-graph.png` });

    // Navigation links stay inside the prefix, and a reload of the frame's URL lands on the same page.
    await frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates', exact: true }).click();
    await expect.poll(() => inner.url()).toBe(`${origin}/argo/workflow-templates`);
    await frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows', exact: true }).click();
    await expect.poll(() => inner.url()).toBe(`${origin}/argo/workflows`);
    await inner.goto(`${origin}/argo/workflows`);
    await expect(frame.getByText(/^build-test-deploy-/).first()).toBeVisible();

    expect(outside, 'requests that left the prefix').toEqual([]);
    expect(failed, 'failed requests').toEqual([]);
  });
}

test("inside the portal's iframe, a running step's logs stream live through the proxy", async ({ page }) => {
  const origin = `http://localhost:${ports.rewrite}`;
  // A step that writes a line a second, so its log is read while it runs: for 20 s, because on a loaded CI machine
  // opening the framed page and the node's logs took more than the 8 s an earlier version ran.
  const workflow = {
    metadata: { generateName: 'framed-logs-' },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', script: { image: 'alpine', command: ['sh'], source: 'for i in $(seq 1 20); do echo "line $i"; sleep 1; done' } }],
    },
  };
  const created = await page.request.post(`${origin}/argo/api/v1/workflows/argo`, { data: { workflow } });
  expect(created.ok(), await created.text()).toBe(true);
  const name = (await created.json()).metadata.name as string;
  writeFileSync(
    join(nginx.www, 'logs.html'),
    `<!doctype html><html><body style="margin:0"><iframe title="Capstan" src="${origin}/argo/workflows/argo/${name}" style="width:100%;height:900px;border:0"></iframe></body></html>`,
  );
  await page.goto(`${parentOrigin}/logs.html`);
  const frame = page.frameLocator('iframe[title="Capstan"]');
  const node = frame.locator('.react-flow__node').filter({ has: frame.getByText(name, { exact: true }) });
  await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Running', { timeout: 90_000 });
  await node.click();
  const log = frame.getByRole('complementary', { name: 'Node details' }).getByRole('log', { name: 'Log lines' });
  await expect(log).toContainText('line 1', { timeout: 30_000 });
  // Lines arrive while the step still runs: streamed through nginx unbuffered, not read at the end.
  await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Running');
  await page.screenshot({ path: 'test-results/embedded-logs-running.png' });
  await expect(log).toContainText('line 20', { timeout: 90_000 });
  await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Succeeded', { timeout: 60_000 });
});
