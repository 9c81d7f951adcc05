import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isApiError } from '@/lib/api-error';
import { archiveKindOf, relocate, toSavedArtifact, withKey } from '@/lib/artifacts/artifact-key';
import { hasLocation, hasLocationOrKey, joinKey, storeKindOf } from '@/lib/artifacts/artifact-location';
import type { Artifact, ArtifactLocation } from '@/lib/generated/argo';
import { packArtifact, unpackArtifact } from './archive';
import { openStore, type StoreContext, UnsupportedStoreError } from './open-store';

/** Where a pod's outputs go: its template's archive location, and the key prefix to use when that names no store. */
export interface PodArtifactContext extends StoreContext {
  archiveLocation?: ArtifactLocation;
  /** `<workflow>/<pod>`: the default key format, for embedded mode's local repository. */
  defaultKeyPrefix: string;
}

/** Thrown when a required input cannot be loaded; the message names the artifact as argoexec's does. */
export class ArtifactLoadError extends Error {}

/**
 * Puts an input artifact at `target` (a host path) as argoexec's loadArtifact does: from S3 or the local
 * repository (key-only artifacts are relocated into the workflow's repository), HTTP, Git or raw data, unpacked
 * when it is a tarball. Returns false when an optional artifact was not there.
 */
export async function loadInputArtifact(artifact: Artifact, target: string, context: PodArtifactContext): Promise<boolean> {
  if (!hasLocationOrKey(artifact)) {
    if (artifact.optional) return false;
    throw new ArtifactLoadError(`required artifact '${artifact.name}' not supplied`);
  }
  try {
    const loaded = await load(artifact, target, context);
    if (!loaded) return false;
  } catch (error) {
    if (error instanceof ArtifactLoadError) throw error;
    throw new ArtifactLoadError(`artifact ${artifact.name} failed to load: ${(error as Error).message}`);
  }
  if (artifact.mode !== undefined) await chmodTree(target, artifact.mode, artifact.recurseMode === true);
  return true;
}

async function load(artifact: Artifact, target: string, context: PodArtifactContext): Promise<boolean> {
  await mkdir(dirname(target), { recursive: true });
  if (artifact.raw) {
    await writeFile(target, artifact.raw.data);
    return true;
  }
  if (artifact.git) {
    await cloneGit(artifact.git, target);
    return true;
  }
  const download = await temporaryFile(target);
  try {
    if (artifact.http) {
      await downloadHttp(artifact.http, download, context);
      await unpackArtifact(download, target, artifact.archive);
      return true;
    }
    const kind = storeKindOf(artifact);
    if (kind !== undefined && kind !== 's3') throw new UnsupportedStoreError(kind);
    const { store, key } = await openStore(relocate(artifact, context.archiveLocation), context);
    try {
      const object = await store.open(key);
      await pipeline(object.body, createWriteStream(download));
      await unpackArtifact(download, target, artifact.archive);
      return true;
    } catch (error) {
      if (!isApiError(error) || error.code !== 5) throw error;
      // A directory saved with `archive: none` is one object per file under the key.
      const keys = await store.list(`${key.replace(/\/+$/, '')}/`);
      if (keys.length === 0) {
        if (artifact.optional) return false;
        throw new ArtifactLoadError(`artifact ${artifact.name} failed to load: the specified key does not exist: ${key} (in ${store.where})`);
      }
      await rm(target, { recursive: true, force: true });
      for (const file of keys) {
        const path = join(target, ...file.slice(key.replace(/\/+$/, '').length + 1).split('/'));
        await mkdir(dirname(path), { recursive: true });
        await pipeline((await store.open(file)).body, createWriteStream(path));
      }
      return true;
    }
  } finally {
    await rm(dirname(download), { recursive: true, force: true });
  }
}

/**
 * Uploads an output found at `source` as argoexec's saveArtifact does (tar.gz unless the artifact asks for
 * `none` or `zip`) and returns it as recorded on the node: key-only in the workflow's repository, or its own
 * location when it has one.
 */
export async function saveOutputArtifact(artifact: Artifact, source: string, context: PodArtifactContext): Promise<Artifact> {
  const location = placeOf(artifact, context);
  const { store, key } = await openStore(location, context);
  const archive = archiveKindOf(artifact);
  const info = await stat(source);
  if (archive.kind === 'none') {
    if (info.isDirectory()) {
      for (const file of await listFiles(source)) await store.save(joinKey(key, file.split(sep).join('/')), join(source, file));
    } else {
      await store.save(key, source);
    }
  } else {
    const packed = await temporaryFile(source);
    try {
      await packArtifact(source, archive, packed);
      await store.save(key, packed);
    } finally {
      await rm(dirname(packed), { recursive: true, force: true });
    }
  }
  return hasLocation(artifact) ? artifact : withKey(stripStores(artifact), storeKindOf(location) ?? 's3', key);
}

// The full location an output is written to: its own, else the archive location with the key filled in.
function placeOf(artifact: Artifact, context: PodArtifactContext): Artifact {
  if (hasLocation(artifact)) return artifact;
  const archiveLocation = storeKindOf(context.archiveLocation) ? context.archiveLocation : { s3: { key: context.defaultKeyPrefix } };
  const saved = toSavedArtifact(artifact, archiveLocation);
  return relocate(saved, storeKindOf(context.archiveLocation) ? context.archiveLocation : undefined);
}

function stripStores(artifact: Artifact): Artifact {
  const { s3: _s3, oss: _oss, gcs: _gcs, azure: _azure, hdfs: _hdfs, plugin: _plugin, artifactory: _a, ...rest } = artifact;
  return rest;
}

/** Saves the main container's log as Argo does with `archiveLogs`: `<prefix>/main.log`, output artifact `main-logs`. */
export async function saveLogArtifact(logFile: string, context: PodArtifactContext): Promise<Artifact> {
  const artifact: Artifact = { name: 'main-logs', archive: { none: {} } };
  const location = placeOf({ ...artifact, path: 'main.log' }, context);
  const { store, key } = await openStore(location, context);
  await store.save(key, logFile);
  return withKey(artifact, storeKindOf(location) ?? 's3', key);
}

async function temporaryFile(near: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'capstan-artifact-'));
  return join(dir, near.split(sep).pop() || 'artifact');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

async function chmodTree(path: string, mode: number, recurse: boolean): Promise<void> {
  await chmod(path, mode);
  if (!recurse || !(await stat(path)).isDirectory()) return;
  for (const entry of await readdir(path, { recursive: true })) await chmod(join(path, entry), mode);
}

async function downloadHttp(http: NonNullable<Artifact['http']>, file: string, context: StoreContext): Promise<void> {
  const headers: Record<string, string> = Object.fromEntries((http.headers ?? []).map((h) => [h.name, h.value]));
  const basic = http.auth?.basicAuth;
  if (basic?.usernameSecret?.name) {
    const user = (await context.secrets.secret(context.namespace, basic.usernameSecret.name))?.[basic.usernameSecret.key] ?? '';
    const password = basic.passwordSecret?.name ? (await context.secrets.secret(context.namespace, basic.passwordSecret.name))?.[basic.passwordSecret.key] ?? '' : '';
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  let response: Response;
  try {
    response = await fetch(http.url, { headers, redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new Error(`GET ${http.url}: ${cause?.code ?? (error as Error).message}`);
  }
  if (!response.ok || !response.body) throw new Error(`GET ${http.url}: ${response.status} ${response.statusText}`);
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(file));
}

/** Clones as Argo's git driver: the repository at its revision (a branch, tag or commit), optionally shallow. */
async function cloneGit(git: NonNullable<Artifact['git']>, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  const args = ['clone', '--quiet'];
  if (git.depth) args.push('--depth', String(git.depth));
  if (git.singleBranch) args.push('--single-branch');
  if (git.branch) args.push('--branch', git.branch);
  if (git.disableSubmodules !== true) args.push('--recurse-submodules');
  await runGit([...args, '--', git.repo, target]);
  for (const refspec of git.fetch ?? []) await runGit(['-C', target, 'fetch', '--quiet', 'origin', refspec]);
  if (git.revision) await runGit(['-C', target, '-c', 'advice.detachedHead=false', 'checkout', '--quiet', git.revision]);
}

function runGit(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => fail(new Error(`git: ${error.message} (is git installed?)`)));
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`git ${args[0] === '-C' ? args[2] : args[0]}: ${stderr.trim() || `exit code ${code}`}`))));
  });
}

