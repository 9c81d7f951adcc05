import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Frame, expect, test } from '@playwright/test';
import { generate } from 'selfsigned';
import { type CapstanProcess, startCapstan } from '../server/testing/capstan-process';
import { type NginxProcess, proxySettings, startNginx } from '../server/testing/nginx';
import { type OidcProviderProcess, startOidcProvider } from '../server/testing/oidc-provider';

// Logging in inside a portal's cross-site iframe, with TLS at the proxy (as a mesh or ingress ends it): with a
// client token, and with SSO through a real OpenID provider (oidc-provider, over TLS as a provider must be to work in
// a frame). The `authorization` cookie gets SameSite=None; Secure; Partitioned, and each round trip ends back inside
// the frame, under the prefix, with the API answering as the logged-in caller. A 401 opens the login page there.
const base = Number(process.env.E2E_NGINX_PORT ?? 3004) + 3;
const ports = { tls: base, parent: base + 1 };
const parentOrigin = `http://127.0.0.1:${ports.parent}`;
const origin = `https://localhost:${ports.tls}`;

const oidcPort = Number(process.env.OIDC_PORT ?? 5556) + 1;

let capstan: CapstanProcess;
let nginx: NginxProcess;
let provider: OidcProviderProcess;
let dataDir: string;

test.use({ ignoreHTTPSErrors: true });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' });
  // The provider, and Capstan's `sso` settings as an argo-server install has them (embedded mode: its manifests folder).
  dataDir = mkdtempSync(join(tmpdir(), 'capstan-e2e-sso-'));
  writeFileSync(join(dataDir, 'oidc.crt'), pems.cert);
  writeFileSync(join(dataDir, 'oidc.key'), pems.private);
  provider = await startOidcProvider({ port: oidcPort, tls: { certFile: join(dataDir, 'oidc.crt'), keyFile: join(dataDir, 'oidc.key') } });
  mkdirSync(join(dataDir, 'config'));
  writeFileSync(join(dataDir, 'config', 'sso.yaml'), `apiVersion: v1
kind: ConfigMap
metadata: {name: workflow-controller-configmap}
data:
  sso: |
    issuer: ${provider.issuer}
    clientId: {name: argo-server-sso, key: client-id}
    clientSecret: {name: argo-server-sso, key: client-secret}
    scopes: [groups, email, profile]
    insecureSkipVerify: true
---
apiVersion: v1
kind: Secret
metadata: {name: argo-server-sso}
stringData: {client-id: ${provider.clientId}, client-secret: ${provider.clientSecret}}
`);
  capstan = await startCapstan(
    ['--base-href', '/argo/', '--auth-mode', 'client,sso', '--x-frame-options=', '--frame-ancestors', parentOrigin],
    {},
    { dataDir },
  );
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
  await provider?.stop();
  rmSync(dataDir, { recursive: true, force: true });
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

test('an API 401 opens the login page inside the frame; the SSO round trip ends back on the page, in the frame', async ({ page, context }) => {
  writeFileSync(
    join(nginx.www, 'templates.html'),
    `<!doctype html><html><body style="margin:0"><iframe title="Capstan" src="${origin}/argo/workflow-templates" style="width:100%;height:900px;border:0"></iframe></body></html>`,
  );
  await page.goto(`${parentOrigin}/templates.html`);
  const frame = page.frameLocator('iframe[title="Capstan"]');
  const capstanUrl = () => page.frames().find((f: Frame) => f.url().startsWith(`${origin}/argo/`))?.url();

  // Not logged in: the templates page's API call answers 401, and the frame moves to the login page, keeping the path.
  await expect.poll(capstanUrl, { timeout: 60_000 }).toBe(`${origin}/argo/login?redirect=%2Fworkflow-templates`);
  await frame.getByRole('link', { name: 'Log in with SSO' }).click();

  // The provider's sign-in page, inside the frame.
  await expect(frame.getByRole('heading', { name: 'Test bed sign-in' })).toBeVisible({ timeout: 30_000 });
  expect(page.frames().some((f: Frame) => f.url().startsWith(`${provider.issuer}/interaction/`))).toBe(true);
  await frame.getByLabel('Username').fill('alice');
  await frame.getByLabel('Password').fill('alice-password');
  await page.screenshot({ path: 'test-results/embedded-sso-provider.png' });
  await frame.getByRole('button', { name: 'Sign in' }).click();

  // Back through /argo/oauth2/callback to the page that asked, still in the frame, and the API answers.
  await expect.poll(capstanUrl, { timeout: 60_000 }).toBe(`${origin}/argo/workflow-templates`);
  await expect(frame.getByRole('listitem').filter({ hasText: 'hello-world' })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/embedded-sso-logged-in.png' });
  const cookie = (await context.cookies(`${origin}/argo/`)).find((c) => c.name === 'authorization');
  expect(cookie).toMatchObject({ path: '/argo/', httpOnly: true, secure: true, sameSite: 'None' });
  expect(decodeURIComponent(cookie!.value)).toMatch(/^Bearer v2:/);

  // The user page names the SSO user.
  await frame.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'User info' }).click();
  await expect(frame.getByText('alice@example.com')).toBeVisible();
  await expect(frame.getByText('admins, everyone')).toBeVisible();
});
