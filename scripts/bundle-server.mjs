/* global URL, console, process -- a Node script */
// Bundles Capstan's server (server/main.ts and the lib/ code it imports) into dist/main.mjs with esbuild. `npm start`,
// the tests and the container image all run this bundle with plain `node`: running from sources under tsx costs
// ~150 MiB more memory (source text, source maps and the loader's own state) for the same code.
// Packages stay external and load from node_modules as usual.
import { build } from 'esbuild';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'dist', 'main.mjs');

/** Newest modification time of the files the bundle is made from. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, 'server'));
  visit(join(root, 'lib'));
  for (const file of ['package.json', 'tsconfig.json', 'scripts/bundle-server.mjs']) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

export function isServerBundleCurrent() {
  return existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= newestSource();
}

export async function bundleServer() {
  // Written beside the target and renamed, so a server starting meanwhile never loads half a file.
  const partial = `${serverBundle}.${process.pid}.partial`;
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    // `require` for the few CommonJS-style calls left in bundled code.
    banner: { js: "import { createRequire as capstanCreateRequire } from 'node:module'; const require = capstanCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  renameSync(partial, serverBundle);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await bundleServer();
  console.log(`bundle-server: dist/main.mjs in ${Date.now() - started} ms`);
}
