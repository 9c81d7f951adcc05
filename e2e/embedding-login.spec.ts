import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Frame, expect, test } from '@playwright/test';
import { generate } from 'selfsigned';
import { type CapstanProcess, startCapstan } from '../server/testing/capstan-process';
import { type NginxProcess, proxySettings, startNginx } from '../server/testing/nginx';

// A client-token login inside a portal's cross-site iframe, with TLS at the proxy (as a mesh or ingress ends it):
// the login page sets the `authorization` cookie with SameSite=None; Secure; Partitioned, and the round trip ends
// back inside the frame, under the prefix, with the API answering as the logged-in caller.
const base = Number(process.env.E2E_NGINX_PORT ?? 3004) + 3;
const ports = { tls: base, parent: base + 1 };
const parentOrigin = `http://127.0.0.1:${ports.parent}`;
const origin = `https://localhost:${ports.tls}`;

let capstan: CapstanProcess;
let nginx: NginxProcess;

test.use({ ignoreHTTPSErrors: true });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  capstan = await startCapstan(['--base-href', '/argo/', '--auth-mode', 'client', '--x-frame-options=', '--frame-ancestors', parentOrigin]);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' });
  nginx = await startNginx(
    (www) => {
      writeFileSync(join(www, '..', 'tls.crt'), pems.cert);
      writeFileSync(join(www, '..', 'tls.key'), pems.private);
      return `
  server {
    listen ${ports.tls} ssl;
    ssl_certificate ${join(www, '..', 'tls.crt')};
    ssl_certificate_key ${join(www, '..', 'tls.key')};
    location /argo/ { proxy_pass http://127.0.0.1:${capstan.port}/; proxy_set_header X-Forwarded-Proto https; ${proxySettings} }
  }
  server {
    listen ${ports.parent};
    root ${www};
  }`;
    },
    [ports.parent],
  );
  writeFileSync(
    join(nginx.www, 'login.html'),
    `<!doctype html><html><body style="margin:0"><iframe title="Capstan" src="${origin}/argo/login?redirect=/workflows" style="width:100%;height:900px;border:0"></iframe></body></html>`,
  );
});

test.afterAll(async () => {
  await nginx?.stop();
  await capstan?.stop();
});

test('a client-token login inside a cross-site iframe ends back in the frame, logged in', async ({ page, context }) => {
  // Without a token the API refuses (client auth mode only).
  const refused = await page.request.get(`${origin}/argo/api/v1/workflows/argo`);
  expect(refused.status()).toBe(401);

  await page.goto(`${parentOrigin}/login.html`);
  const frame = page.frameLocator('iframe[title="Capstan"]');
  await frame.getByLabel('Token').fill('my-service-account-token');
  await page.screenshot({ path: 'test-results/embedded-login.png' });
  await frame.getByRole('button', { name: 'Log in' }).click();

  // Back in the frame, under the prefix, and the list loads as the caller.
  await expect.poll(() => page.frames().find((f: Frame) => f.url().startsWith(`${origin}/argo/`))?.url()).toBe(`${origin}/argo/workflows`);
  await expect(frame.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await expect(frame.getByText(/^No workflows in argo yet/)).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: 'test-results/embedded-logged-in.png' });

  const cookie = (await context.cookies(`${origin}/argo/`)).find((c) => c.name === 'authorization');
  expect(cookie).toMatchObject({ value: 'Bearer%20my-service-account-token', path: '/argo/', httpOnly: true, secure: true, sameSite: 'None' });
});
