import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

/** One file or directory of a tar.gz artifact, its name without the archive's top-level folder. */
export interface TarEntry {
  name: string;
  type: 'file' | 'directory' | 'other';
  size: number;
}

// Archives hold one top-level entry (the file or directory that was packed): paths inside a packed directory skip
// its folder; a packed file keeps its own name.
function stripTop(name: string, type: string | null | undefined): string {
  const clean = name.replace(/^\.\//, '').replace(/\/+$/, '');
  const slash = clean.indexOf('/');
  if (slash === -1) return type === 'file' ? clean : '';
  return clean.slice(slash + 1);
}

/** The entries of a tar.gz stream, read to the end without keeping file contents. */
export async function listTarEntries(source: Readable): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    const name = stripTop(header.name, header.type);
    if (name) entries.push({ name, type: header.type === 'file' ? 'file' : header.type === 'directory' ? 'directory' : 'other', size: header.size ?? 0 });
    stream.on('end', () => next());
    stream.resume();
  });
  await pipeline(source, createGunzip(), tar);
  return entries;
}

/**
 * The bytes of one file inside a tar.gz stream, streamed as they are read (never buffered whole), or undefined
 * when the archive has no such file. `path` is relative to the archive's top-level folder.
 */
export function openTarEntry(source: Readable, path: string): Promise<Readable | undefined> {
  return new Promise((resolve, reject) => {
    const tar = extract();
    let found = false;
    tar.on('entry', (header, stream, next) => {
      if (!found && header.type === 'file' && stripTop(header.name, header.type) === path) {
        found = true;
        // Once the file is read the rest of the archive is not needed.
        stream.on('end', () => source.destroy());
        // tar-stream's entries are streamx streams: wrap one as a Node stream for Readable.toWeb.
        resolve(Readable.from(stream));
        return;
      }
      stream.on('end', () => next());
      stream.resume();
    });
    pipeline(source, createGunzip(), tar).then(
      () => !found && resolve(undefined),
      (error: Error) => (found ? undefined : reject(error)),
    );
  });
}
