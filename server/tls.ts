import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  /** Where they came from, for the start-up line. */
  source: string;
}

/**
 * The certificate and key to serve TLS with: the files given (--tls-cert/--tls-key), or a self-signed pair,
 * as argo-server generates one when given none. Unlike argo-server's, it is kept under the data directory, so a
 * browser exception or a pinned `--insecure-skip-verify` stays valid across restarts.
 */
export async function loadOrCreateTls(dataDir: string, files: { cert?: string; key?: string }): Promise<TlsFiles> {
  if (files.cert && files.key) {
    return { cert: await readFile(files.cert), key: await readFile(files.key), source: files.cert };
  }
  const dir = join(dataDir, 'tls');
  const certPath = join(dir, 'tls.crt');
  const keyPath = join(dir, 'tls.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    const now = new Date();
    // Loaded only here: the certificate library and its ASN.1 packages are ~10 MiB of memory a server that was
    // given a certificate, or made one on an earlier start, never needs.
    const { generate } = await import('selfsigned');
    const pems = await generate([{ name: 'commonName', value: 'capstan' }, { name: 'organizationName', value: 'Capstan (self-signed)' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 60_000),
      notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 2, value: hostname() },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    await mkdir(dir, { recursive: true });
    await writeFile(keyPath, pems.private, { mode: 0o600 });
    await chmod(keyPath, 0o600);
    await writeFile(certPath, pems.cert);
  }
  return { cert: await readFile(certPath), key: await readFile(keyPath), source: `self-signed, ${certPath}` };
}
