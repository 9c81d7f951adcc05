import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { extract, pack, type Header } from 'tar-stream';
import type { ArchiveKind } from '@/lib/artifacts/artifact-key';

type EntryHeader = Partial<Header> & Pick<Header, 'name'>;

/**
 * Packs a file or directory as argoexec does before upload: a tar.gz (or zip) whose entries are named from the
 * source's base name, so unpacking gives back the file or directory itself. `none` needs no packing.
 */
export async function packArtifact(source: string, archive: ArchiveKind, destination: string): Promise<void> {
  if (archive.kind === 'zip') return packZip(source, destination);
  if (archive.kind !== 'tgz') throw new Error('packArtifact: nothing to pack for archive strategy none');
  const tar = pack();
  const writing = pipeline(tar, createGzip({ level: archive.level }), createWriteStream(destination));
  try {
    await addEntries(tar, source, basename(source));
    tar.finalize();
  } catch (error) {
    tar.destroy(error as Error);
  }
  await writing;
}

async function addEntries(tar: ReturnType<typeof pack>, path: string, name: string): Promise<void> {
  const info = await lstat(path);
  const header: EntryHeader = { name, mode: info.mode & 0o7777, mtime: info.mtime };
  if (info.isSymbolicLink()) {
    await entry(tar, { ...header, type: 'symlink', linkname: await readlink(path) });
  } else if (info.isDirectory()) {
    await entry(tar, { ...header, name: `${name}/`, type: 'directory' });
    for (const child of (await readdir(path)).sort()) await addEntries(tar, join(path, child), `${name}/${child}`);
  } else if (info.isFile()) {
    // Streamed, so a large file never sits in memory.
    await new Promise<void>((done, fail) => {
      const sink = tar.entry({ ...header, type: 'file', size: info.size }, (error) => (error ? fail(error) : done()));
      createReadStream(path).on('error', fail).pipe(sink);
    });
  }
}

function entry(tar: ReturnType<typeof pack>, header: EntryHeader): Promise<void> {
  return new Promise((done, fail) => tar.entry(header, (error) => (error ? fail(error) : done())));
}

async function packZip(source: string, destination: string): Promise<void> {
  const files: Zippable = {};
  const walk = async (path: string, name: string) => {
    const info = await stat(path);
    if (info.isDirectory()) {
      files[`${name}/`] = new Uint8Array();
      for (const child of (await readdir(path)).sort()) await walk(join(path, child), `${name}/${child}`);
    } else {
      files[name] = [new Uint8Array(await readFile(path)), { mtime: info.mtime }];
    }
  };
  await walk(source, basename(source));
  await writeFile(destination, zipSync(files));
}

/** What a downloaded file turned out to be. */
export type DownloadedFormat = 'tgz' | 'zip' | 'plain';

/** Sniffs the first bytes: gzip, zip, or a plain file. */
export async function sniffFormat(path: string): Promise<DownloadedFormat> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tgz';
    if (bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    return 'plain';
  } finally {
    await handle.close();
  }
}

/**
 * Puts a downloaded artifact at `target` as argoexec's loadArtifact: a tar.gz is extracted (auto-detected unless the
 * artifact says `archive: none`), a zip only when the artifact says `archive: zip`; an archive of one entry becomes
 * `target` itself, several become a directory. Entries that would land outside `target` are refused.
 */
export async function unpackArtifact(downloaded: string, target: string, archive: { none?: unknown; zip?: unknown; tar?: unknown } | undefined): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rm(target, { recursive: true, force: true });
  const format = archive?.none ? 'plain' : archive?.zip ? 'zip' : await sniffFormat(downloaded);
  if (format === 'plain' || (format === 'zip' && !archive?.zip)) {
    await rename(downloaded, target);
    return;
  }
  const staging = `${target}.tmpdir`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  if (format === 'tgz') await extractTgz(downloaded, staging);
  else await extractZip(downloaded, staging);
  await rm(downloaded, { force: true });
  const entries = await readdir(staging);
  if (entries.length === 1) {
    await rename(join(staging, entries[0]!), target);
    await rm(staging, { recursive: true, force: true });
  } else {
    await rename(staging, target);
  }
}

/** The path an archive entry extracts to, or an error when it would escape `root`. */
export function entryPath(root: string, name: string): string {
  const path = resolve(root, name);
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) throw new Error(`illegal file path in archive: ${name}`);
  return path;
}

async function extractTgz(file: string, root: string): Promise<void> {
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    const finish = (error?: unknown) => (error ? tar.destroy(error as Error) : next());
    void (async () => {
      const path = entryPath(root, header.name);
      const mode = (header.mode ?? 0o644) & 0o7777;
      if (header.type === 'directory') {
        await mkdir(path, { recursive: true });
        stream.resume();
      } else if (header.type === 'file') {
        await mkdir(dirname(path), { recursive: true });
        await pipeline(stream, createWriteStream(path, { mode }));
        await chmod(path, mode);
      } else if (header.type === 'symlink' && header.linkname) {
        // A link may only point inside the archive, as argoexec checks.
        entryPath(root, relative(root, resolve(dirname(path), header.linkname)));
        await mkdir(dirname(path), { recursive: true });
        await symlink(header.linkname, path);
        stream.resume();
      } else {
        stream.resume();
      }
    })().then(() => finish(), finish);
  });
  await pipeline(createReadStream(file), createGunzip(), tar);
}

async function extractZip(file: string, root: string): Promise<void> {
  const entries = unzipSync(new Uint8Array(await readFile(file)));
  for (const [name, data] of Object.entries(entries)) {
    const path = entryPath(root, name);
    if (name.endsWith('/')) await mkdir(path, { recursive: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    }
  }
}
