import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { entryPath, packArtifact, sniffFormat, unpackArtifact } from './archive';

const scratch = () => mkdtempSync(join(tmpdir(), 'capstan-archive-'));

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) out[name] = (await readFile(path)).toString('base64');
  }
  return out;
}

describe('artifact archives', () => {
  it('round-trips a directory through tar.gz byte for byte, readable by tar(1)', async () => {
    const dir = scratch();
    const source = join(dir, 'reports');
    await mkdir(join(source, 'nested'), { recursive: true });
    await writeFile(join(source, 'a.txt'), 'hello\n');
    await writeFile(join(source, 'nested', 'b.bin'), Buffer.from([0, 1, 2, 255, 254]));
    await writeFile(join(source, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await symlink('a.txt', join(source, 'link'));
    const archive = join(dir, 'out.tgz');
    await packArtifact(source, { kind: 'tgz', level: 9 }, archive);
    expect(await sniffFormat(archive)).toBe('tgz');
    expect(execFileSync('tar', ['-tzf', archive]).toString().split('\n').filter(Boolean).sort())
      .toEqual(['reports/', 'reports/a.txt', 'reports/link', 'reports/nested/', 'reports/nested/b.bin', 'reports/run.sh']);
    const target = join(dir, 'restored');
    await unpackArtifact(archive, target, undefined);
    expect(await tree(target)).toEqual(await tree(source));
    expect((await stat(join(target, 'run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('unpacks a single file to the target path, and zips when asked', async () => {
    const dir = scratch();
    await writeFile(join(dir, 'msg.txt'), 'hi');
    await packArtifact(join(dir, 'msg.txt'), { kind: 'tgz', level: 6 }, join(dir, 'm.tgz'));
    await unpackArtifact(join(dir, 'm.tgz'), join(dir, 'in', 'message'), undefined);
    expect(await readFile(join(dir, 'in', 'message'), 'utf8')).toBe('hi');
    await packArtifact(join(dir, 'in'), { kind: 'zip' }, join(dir, 'in.zip'));
    expect(await sniffFormat(join(dir, 'in.zip'))).toBe('zip');
    await unpackArtifact(join(dir, 'in.zip'), join(dir, 'back'), { zip: {} });
    expect(await readFile(join(dir, 'back', 'message'), 'utf8')).toBe('hi');
  });

  it('refuses entries that escape the target', () => {
    expect(() => entryPath('/tmp/x', '../etc/passwd')).toThrow('illegal file path');
    expect(entryPath('/tmp/x', 'a/../b')).toBe('/tmp/x/b');
  });
});
