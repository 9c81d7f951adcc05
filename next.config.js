/* global process -- next.config.js runs in Node */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // argo-server's /artifact-files/… lists a directory when the URL ends with `/`: keep that slash.
  skipTrailingSlashRedirect: true,
  // Production builds carry a placeholder that server/next-base-path.ts replaces with BASE_HREF at start, so one
  // build serves under any prefix (docs/embedding.md). Development mode compiles on demand with the real one.
  basePath: process.env.CAPSTAN_NEXT_BASE_PATH ?? '/__capstan_base_path__',
  // The container image (Dockerfile) is assembled from the standalone output: scripts/assemble-image.mjs.
  output: process.env.CAPSTAN_STANDALONE === '1' ? 'standalone' : undefined,
  // Loaded by server/main.ts in the same process; never bundled into route handlers.
  serverExternalPackages: ['@electric-sql/pglite', '@kubernetes/client-node', 'pino', 'pg'],
  // `npm test` type-checks the whole tree with tsc; `npm start` on a fresh clone should not fail on it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
