/* global URL, console, process -- a Node script */
// Bundles Capstan's server (server/main.ts and the lib/ code it imports) into dist/main.mjs with esbuild. `npm start`,
// the tests and the container image all run this bundle with plain `node`: running from sources under tsx costs
// ~150 MiB more memory (source text, source maps and the loader's own state) for the same code.
// Packages stay external and load from node_modules as usual, except @kubernetes/client-node: bundled, only the part
// Capstan uses is loaded (its generated API layer is ~12 MB of source for every API group, and V8 keeps loaded source
// for lazy compilation). Route handlers must not import it (they reach it through the runtime's KubeCluster), or the
// whole package would load beside it (docs/architecture.md). The output is minified without renaming: half the source
// text to keep, stack traces still name functions.
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

const bundledPackages = new Set(['@kubernetes/client-node']);

/**
 * esbuild's `packages: 'external'`, but the named packages are bundled; the packages those import stay external
 * (resolved from node_modules beside dist/, where npm hoists them).
 */
function externalPackagesExcept(bundled) {
  const packageOf = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        // Only bare package names: not relative or absolute paths, node: builtins or the project's @/ alias.
        if (args.kind === 'entry-point' || /^(\.|\/|node:|@\/)/.test(args.path) || bundled.has(packageOf(args.path))) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
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
    plugins: [externalPackagesExcept(bundledPackages)],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
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
