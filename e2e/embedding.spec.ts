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
