import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The certificate and key to serve TLS with: the files named by CAPSTAN_TLS_CERT/CAPSTAN_TLS_KEY, or a
 * self-signed pair generated once under the data directory, as argo-server does when given none.
 */
export async function loadOrCreateTls(dataDir: string, env = process.env): Promise<{ cert: Buffer; key: Buffer }> {
  if (env.CAPSTAN_TLS_CERT && env.CAPSTAN_TLS_KEY) {
    return { cert: await readFile(env.CAPSTAN_TLS_CERT), key: await readFile(env.CAPSTAN_TLS_KEY) };
  }
  const dir = join(dataDir, 'tls');
  const certPath = join(dir, 'tls.crt');
  const keyPath = join(dir, 'tls.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    await mkdir(dir, { recursive: true });
    try {
      await run('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '365', '-subj', '/CN=capstan',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyPath, '-out', certPath,
      ]);
    } catch (error) {
      throw new Error(
        `cannot generate a self-signed certificate (${(error as Error).message.split('\n')[0]}): ` +
          'install openssl, give CAPSTAN_TLS_CERT and CAPSTAN_TLS_KEY, or run with --secure=false',
      );
    }
  }
  return { cert: await readFile(certPath), key: await readFile(keyPath) };
}
