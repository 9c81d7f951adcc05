/* global URL, console, process -- a Node script */
// Assembles the files of Capstan's container image into one folder (default: dist/image), from a build made with
// CAPSTAN_STANDALONE=1 npx next build. The Dockerfile runs it; it also runs here, so the file set is tested without
// a container engine: `sh dist/image/scripts/start.sh` must start and serve (docs/deploy.md).
//
// The image holds: Next.js's standalone output (the server bundles and only the node_modules they use), the static
// assets, server/main.ts bundled by esbuild into dist/main.mjs, and the node_modules files that bundle still needs,
// found by Next's own file tracer (@vercel/nft). No dev dependencies, no sources, no build cache.
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer, serverBundle } from './bundle-server.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'image');
const standalone = join(root, '.next', 'standalone');
if (!existsSync(join(standalone, '.next', 'BUILD_ID'))) {
  console.error('assemble-image: no standalone build: run CAPSTAN_STANDALONE=1 npx next build first');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. Next's standalone output: .next (server) and node_modules traced for it; its server.js is not used.
// sharp (image optimisation, a glibc binary) is not used.
cpSync(standalone, out, {
  recursive: true,
  verbatimSymlinks: true,
  filter: (src) => !src.endsWith(join('standalone', 'server.js')) && !/node_modules\/(@img|sharp)(\/|$)/.test(src),
});
// 2. Static assets are not part of the standalone output.
cpSync(join(root, '.next', 'static'), join(out, '.next', 'static'), { recursive: true });

// 3. Capstan's server (controller, custom HTTP server) in one file, as `npm start` runs it. Packages stay external:
// they are traced below, from the full install beside the bundle.
await bundleServer();
const bundle = serverBundle;
// Files read at run time beside the code: the bundle finds them under ../server/ (server/server-files.ts).
cpSync(join(root, 'server', 'samples'), join(out, 'server', 'samples'), { recursive: true });
cpSync(join(root, 'server', 'controller', 'images'), join(out, 'server', 'controller', 'images'), { recursive: true });
cpSync(join(root, 'package.json'), join(out, 'package.json'));

// 4. The node_modules files the bundle needs, as Next traces its own server.
const { nodeFileTrace } = require('next/dist/compiled/@vercel/nft');
const { fileList } = await nodeFileTrace([bundle], {
  base: root,
  processCwd: root,
  // A package may name a file it does not ship (semver's preload.js): skip it, as Next's own tracing does.
  readFile: async (path) => {
    try {
      return await readFile(path);
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') return null;
      throw error;
    }
  },
});
// Next.js itself comes traced by its own standalone output (which loads it the same way, through `next`); the trace
// of `next` from here is conservative and would add ~100 MB of build-time compilers. Image optimisation (sharp) is
// not used.
const skip = /^node_modules\/(next|@next|@img|sharp|typescript|@swc)\//;
let copied = 0;
for (const file of fileList) {
  if (!file.startsWith('node_modules/') || skip.test(file)) continue;
  const target = join(out, file);
  if (existsSync(target)) continue;
  const source = join(root, file);
  if (!existsSync(source) || statSync(source).isDirectory()) continue;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { verbatimSymlinks: true });
  copied++;
}
cpSync(bundle, join(out, 'dist', 'main.mjs'));
// 5. The launcher the entrypoint runs (it sizes Node's heap to the memory limit, then runs dist/main.mjs).
for (const file of ['start.sh', 'node-memory.mjs']) cpSync(join(root, 'scripts', file), join(out, 'scripts', file));
console.log(`assemble-image: ${relative(root, out) || out}: standalone output, static assets, dist/main.mjs, ${copied} more node_modules files`);
