import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** GET over HTTPS accepting Capstan's self-signed certificate; the status code, or throws when nothing answers. */
export function insecureHttpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface CapstanProcess {
  url: string;
  port: number;
  /** The process, e.g. to send it a signal. */
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash or an evicted pod; its data stays for `stop` to remove. */
  kill: () => Promise<void>;
}

/** Starts Capstan as users do (`npm start`: scripts/start.sh, the bundled server, with flags) and waits until its API answers. */
export async function startCapstan(
  flags: string[],
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean } = {},
): Promise<CapstanProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'capstan-it-'));
  // The shell execs Node, so the child's pid is the server's (benchmarks read its RSS).
  const child: ChildProcess = spawn(
    'sh',
    [join(root, 'scripts/start.sh'), '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, ...flags],
    { cwd: root, env: { ...process.env, CAPSTAN_NODE: process.execPath, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const secure = flags.some((f) => f === '--secure' || f === '--secure=true');
  const url = `${secure ? 'https' : 'http'}://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`capstan exited with ${child.exitCode}:\n${output}`);
    try {
      if (secure ? (await insecureHttpsGet(`${url}/api/v1/version`)).status === 200 : (await fetch(`${url}/api/v1/version`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`capstan did not answer within 240 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
