import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insecureHttpsGet } from './capstan-process';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface OidcProviderProcess {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

/**
 * Starts the test bed's OpenID provider (`scripts/test-bed/oidc-provider.mjs`, npm's oidc-provider) and waits for
 * its discovery document. Port: OIDC_PORT, else 5556 (each helper's block is 5556-5559). With `tls`, it serves
 * HTTPS with that certificate, as a provider must to be used inside a cross-site iframe.
 */
export async function startOidcProvider(options: { port?: number; tls?: { certFile: string; keyFile: string } } = {}): Promise<OidcProviderProcess> {
  const port = options.port ?? Number(process.env.OIDC_PORT ?? 5556);
  const env: NodeJS.ProcessEnv = { ...process.env, OIDC_PORT: String(port) };
  if (options.tls) Object.assign(env, { OIDC_TLS_CERT: options.tls.certFile, OIDC_TLS_KEY: options.tls.keyFile });
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts/test-bed/oidc-provider.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const issuer = `${options.tls ? 'https' : 'http'}://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`oidc-provider exited with ${child.exitCode} (port ${port} busy? set OIDC_PORT):\n${output}`);
    try {
      const url = `${issuer}/.well-known/openid-configuration`;
      const ok = options.tls ? (await insecureHttpsGet(url)).status === 200 : (await fetch(url)).ok;
      if (ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`oidc-provider did not answer on ${issuer} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    issuer,
    clientId: 'capstan',
    clientSecret: 'capstan-secret',
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}

/** A browser's cookies, per host, for driving a login over plain HTTP. */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /;\s*max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }

  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    const value = this.cookies.get(new URL(url).host)?.get(name);
    return value === undefined ? undefined : decodeURIComponent(value);
  }
}

/**
 * Logs in through Capstan's `/oauth2/redirect` as a browser would: every redirect followed by hand (keeping each
 * host's cookies), the provider's sign-in form submitted. Returns the `authorization` cookie value and the last
 * response (Capstan's redirect back to the page asked for).
 */
export async function ssoLogin(capstanUrl: string, user: string, options: { redirect?: string; password?: string } = {}) {
  const jar = new CookieJar();
  const responses: { url: string; status: number; location?: string; setCookies: string[] }[] = [];
  const request = async (url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header(url) } });
    jar.store(url, response);
    responses.push({ url, status: response.status, location: response.headers.get('location') ?? undefined, setCookies: response.headers.getSetCookie() });
    return { response, url };
  };
  const follow = async (start: { response: Response; url: string }) => {
    let current = start;
    while ([301, 302, 303, 307].includes(current.response.status)) {
      const location = new URL(current.response.headers.get('location')!, current.url).href;
      if (location.startsWith(capstanUrl) && !new URL(location).pathname.includes('/oauth2/')) break;
      current = await request(location);
    }
    return current;
  };
  let page = await follow(await request(`${capstanUrl}/oauth2/redirect?redirect=${encodeURIComponent(options.redirect ?? '/workflows')}`));
  if (page.response.status !== 200) throw new Error(`expected the provider's sign-in page, got ${page.response.status} at ${page.url}: ${await page.response.text()}`);
  const html = await page.response.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no sign-in form at ${page.url}: ${html.slice(0, 300)}`);
  page = await follow(await request(new URL(action, page.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: user, password: options.password ?? `${user}-password` }).toString(),
  }));
  return { authorization: jar.get(capstanUrl, 'authorization'), last: page.response, responses, jar };
}
