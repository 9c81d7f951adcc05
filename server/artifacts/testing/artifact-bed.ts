import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { testBed } from '../../testing/test-bed';
import { freePort } from '../../testing/capstan-process';
import { S3Client } from '../s3-client';

// Shared set-up for the artifact integration tests: buckets in the bed's MinIO, the manifests embedded mode reads
// from <data dir>/config, and helpers to run workflows through Capstan's API.

export function minio() {
  const s3 = testBed().s3();
  return { ...s3, client: new S3Client({ endpoint: s3.endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey } }) };
}

/** An S3 repository on the bed's MinIO, its credentials in the Secret `minio-creds`. */
export function minioRepository(bucket: string, extra: Record<string, unknown> = {}) {
  return {
    s3: {
      bucket, endpoint: new URL(minio().endpoint).host, insecure: true,
      accessKeySecret: { name: 'minio-creds', key: 'accesskey' }, secretKeySecret: { name: 'minio-creds', key: 'secretkey' },
      ...extra,
    },
  };
}

/** Writes manifests (ConfigMaps, Secrets) into a new data dir's config folder, as a user would. */
export function dataDirWith(manifests: object[]): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'capstan-artifacts-it-'));
  mkdirSync(join(dataDir, 'config'));
  writeFileSync(join(dataDir, 'config', 'repositories.yaml'), manifests.map((m) => stringify(m)).join('---\n'));
  return dataDir;
}

export function minioSecret() {
  const s3 = minio();
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'minio-creds' }, stringData: { accesskey: s3.accessKey, secretkey: s3.secretKey } };
}

export interface WorkflowResult {
  name: string;
  phase: string;
  message?: string;
  status: Record<string, unknown> & { nodes?: Record<string, { displayName: string; type: string; phase: string; message?: string; outputs?: { artifacts?: { name: string; s3?: { key?: string } }[]; parameters?: { name: string; value: string }[] } }> };
}

/** Submits a workflow and waits for it to finish. */
export async function runWorkflow(url: string, namespace: string, workflow: object): Promise<WorkflowResult> {
  const created = await fetch(`${url}/api/v1/workflows/${namespace}`, { method: 'POST', body: JSON.stringify({ workflow }) });
  const body = (await created.json()) as { metadata?: { name: string }; message?: string };
  if (!created.ok) throw new Error(`submit: ${created.status} ${body.message}`);
  const name = body.metadata!.name;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = ((await (await fetch(`${url}/api/v1/workflows/${namespace}/${name}`)).json()) as { status?: WorkflowResult['status'] }).status ?? {};
    const phase = status['phase'] as string | undefined;
    if (phase && ['Succeeded', 'Failed', 'Error'].includes(phase)) return { name, phase, message: status['message'] as string | undefined, status };
    if (Date.now() > deadline) throw new Error(`workflow ${namespace}/${name} did not finish: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A plain HTTP server for one file, for HTTP input artifacts. */
export async function serveFile(path: string, content: Buffer): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((request, response) => {
    if (request.url === path) response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}${path}`, server };
}

/** A Git repository with one tagged commit, served by `git daemon` on loopback (git:// protocol). */
export async function serveGitRepository(files: Record<string, string>, tag: string): Promise<{ url: string; daemon: ChildProcess }> {
  const base = mkdtempSync(join(tmpdir(), 'capstan-git-'));
  const work = join(base, 'work');
  mkdirSync(work);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  git('init', '-q', '-b', 'main');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(work, name), content);
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  git('tag', tag);
  execFileSync('git', ['clone', '-q', '--bare', work, join(base, 'repo.git')]);
  const port = await freePort();
  const daemon = spawn('git', ['daemon', '--export-all', `--base-path=${base}`, `--port=${port}`, '--listen=127.0.0.1', '--reuseaddr', base], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return { url: `git://127.0.0.1:${port}/repo.git`, daemon };
}

/** A MinIO of the test's own serving HTTPS with a certificate no system CA signed; `ca` is that certificate's PEM. */
export interface TlsMinio {
  endpoint: string;
  ca: string;
  /** The one key of its built-in KMS (so SSE-S3 and SSE-KMS work): the `kmsKeyId` to ask for. */
  kmsKeyId: string;
  stop: () => Promise<void>;
}

/** Starts the bed's MinIO binary over TLS (a self-signed certificate for 127.0.0.1) with the bed's credentials. */
export async function startTlsMinio(): Promise<TlsMinio> {
  const binary = process.env.CAPSTAN_TEST_MINIO_BIN;
  if (!binary) throw new Error('CAPSTAN_TEST_MINIO_BIN is not set: start the test bed with WITH_MINIO=1 (or WITH_ALL=1)');
  const dir = mkdtempSync(join(tmpdir(), 'capstan-tls-minio-'));
  const certs = join(dir, 'certs');
  mkdirSync(certs);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=capstan-test-minio', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(certs, 'private.key'), '-out', join(certs, 'public.crt'),
  ], { stdio: 'ignore' });
  const port = await freePort();
  const s3 = minio();
  const kmsKeyId = 'capstan-test-key';
  const child = spawn(binary, ['server', join(dir, 'data'), '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${await freePort()}`, '--certs-dir', certs], {
    env: { ...process.env, MINIO_ROOT_USER: s3.accessKey, MINIO_ROOT_PASSWORD: s3.secretKey, MINIO_KMS_SECRET_KEY: `${kmsKeyId}:${randomBytes(32).toString('base64')}` },
    stdio: 'ignore',
  });
  const ca = readFileSync(join(certs, 'public.crt'), 'utf8');
  const stop = async () => {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      httpsGet({ host: '127.0.0.1', port, path: '/minio/health/ready', ca }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }).once('error', () => resolve(false));
    });
    const endpoint = `https://127.0.0.1:${port}`;
    // Ready for health checks before it serves S3 (with a KMS it answers XMinioServerNotInitialized for a while).
    const serving = ready && (await new S3Client({ endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey }, ca }).bucketExists('capstan-ready-check').then(() => true, () => false));
    if (serving) return { endpoint, ca, kmsKeyId, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`MinIO over TLS did not become ready on :${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
