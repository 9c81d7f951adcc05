import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isRelocatableBuild } from './next-base-path';

/**
 * Runs `next build` when there is no production build yet, so `npm start` works on a fresh clone; also when the
 * build was not made with the placeholder base path (an older build), which server/next-base-path.ts needs.
 */
export async function ensureNextBuild(root: string, log: (message: string) => void): Promise<void> {
  if (await isRelocatableBuild(join(root, '.next'))) return;
  log('no production build found: running `next build` first (about a minute)...');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
  log(`build finished in ${Math.round((Date.now() - started) / 1000)} s`);
}
