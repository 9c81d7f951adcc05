/* global URL, console, process -- a Node script */
// `npm start`: brings the server bundle up to date with the sources (half a second, only when they changed), then
// runs it in this process with the given flags. The Next.js build is checked by the server itself (server/next-build.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isServerBundleCurrent, serverBundle } from './bundle-server.mjs';

if (!isServerBundleCurrent()) {
  // In a child process, so esbuild's service does not stay attached to the server.
  const bundler = fileURLToPath(new URL('./bundle-server.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [bundler], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('capstan: bundling the server failed (see above)');
    process.exit(1);
  }
}
await import(pathToFileURL(serverBundle).href);
