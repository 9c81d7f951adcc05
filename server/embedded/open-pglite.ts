import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);

/**
 * PostgreSQL's default 128 MB of shared buffers live inside PGlite's WebAssembly memory, and PGlite touches them all
 * as it starts, so they are resident from the first second. One process is the only client, and reads miss into the
 * operating system's page cache, so 32 MB is plenty: the server's resident memory drops by about 100 MB.
 */
export const pgliteOptions = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] };

/**
 * Opens the PGlite database in `dir`, creating it first when there is none. PostgreSQL's initdb grows PGlite's
 * WebAssembly memory to about 700 MB, and a WebAssembly memory never shrinks, while opening an existing database
 * needs about 250 MB. So a new database is created by a short-lived child process and only opened here: the
 * server then stays at the smaller figure from its first start on.
 */
export async function openPglite(dir: string): Promise<PGlite> {
  await mkdir(dir, { recursive: true });
  if (!existsSync(join(dir, 'PG_VERSION'))) await createInChild(dir);
  return PGlite.create(dir, pgliteOptions);
}

async function createInChild(dir: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(module)}); const db = await PGlite.create(process.argv[1]); await db.close();`;
  try {
    await run(process.execPath, ['--input-type=module', '-e', script, dir], { timeout: 120_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`creating the database in ${dir} failed${stderr ? `: ${stderr.split('\n').slice(-3).join(' ')}` : ''}`, { cause: error });
  }
}
