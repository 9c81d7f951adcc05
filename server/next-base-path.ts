import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePathPlaceholder, fixRoutesManifest, nextBasePath, replaceBasePath } from './base-href';

/**
 * Makes the production build serve under BASE_HREF (docs/embedding.md explains why this design).
 *
 * `next build` bakes its basePath into the client bundles, the server bundles and the manifests, so every build
 * is made with a placeholder basePath. At start this copies the build into its own project folder with the
 * placeholder replaced by the real base path (files without it are hard-linked, so a copy costs a few MB and
 * well under a second), then Next.js runs on that copy as if it had been built for BASE_HREF. A copy is reused
 * while the build and the base path are the same.
 */

/** Text files of a build that can hold the basePath; everything else is hard-linked unchanged. */
const textExtensions = new Set(['.js', '.mjs', '.cjs', '.json', '.html', '.rsc', '.txt', '.css', '.meta', '.body']);

interface BuildConfig {
  basePath?: string;
  distDir?: string;
  [key: string]: unknown;
}

/** The resolved Next.js config the build wrote, or undefined when there is no build. */
export async function readBuildConfig(distDir: string): Promise<BuildConfig | undefined> {
  try {
    const files = JSON.parse(await fs.readFile(join(distDir, 'required-server-files.json'), 'utf8')) as { config: BuildConfig };
    return files.config;
  } catch {
    return undefined;
  }
}

/** True when the build in `distDir` was made with the placeholder basePath, so it can be served under any base. */
export async function isRelocatableBuild(distDir: string): Promise<boolean> {
  return existsSync(join(distDir, 'BUILD_ID')) && (await readBuildConfig(distDir))?.basePath === basePathPlaceholder;
}

export interface PreparedBuild {
  /** The project folder to give `next({ dir })`: holds `.next` for this base path and a link to node_modules. */
  dir: string;
  /** Next.js's resolved config for it, to pass as `conf` (as Next's own standalone server does). */
  config: BuildConfig;
}

async function writableFolder(candidates: string[]): Promise<string> {
  for (const folder of candidates) {
    try {
      await fs.mkdir(folder, { recursive: true });
      await fs.access(folder, 2 /* W_OK */);
      return folder;
    } catch {
      // read-only (a container's root filesystem): try the next
    }
  }
  throw new Error(`no writable folder for the prepared build (tried ${candidates.join(', ')}); set CAPSTAN_NEXT_RUNTIME_DIR`);
}

async function copyTree(from: string, to: string, basePath: string, skip = new Set<string>()): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await copyTree(source, target, basePath);
      continue;
    }
    if (entry.isSymbolicLink()) {
      // Turbopack links external packages from `.next/node_modules` to `../../../node_modules/...`; the copy has its
      // own `node_modules` link beside `.next`, so the same relative target works.
      await fs.symlink(await fs.readlink(source), target);
      continue;
    }
    if (!entry.isFile()) continue;
    const dot = entry.name.lastIndexOf('.');
    const extension = dot === -1 ? '' : entry.name.slice(dot);
    if (textExtensions.has(extension)) {
      const text = await fs.readFile(source, 'utf8');
      if (text.includes(basePathPlaceholder)) {
        let replaced = replaceBasePath(text, basePath);
        if (entry.name === 'routes-manifest.json') {
          const manifest = JSON.parse(replaced) as { redirects?: { source: string }[] };
          fixRoutesManifest(manifest, basePath);
          replaced = JSON.stringify(manifest);
        }
        await fs.writeFile(target, replaced);
        continue;
      }
    }
    try {
      await fs.link(source, target);
    } catch {
      await fs.copyFile(source, target);
    }
  }
}

/**
 * Prepares the build in `<root>/.next` to serve under `baseHref`; returns where it is and its config.
 * Folder: CAPSTAN_NEXT_RUNTIME_DIR, else `<root>/.next-base`, else the system's temporary folder.
 */
export async function prepareBuild(root: string, baseHref: string, runtimeDir?: string): Promise<PreparedBuild> {
  const source = join(root, '.next');
  const buildId = (await fs.readFile(join(source, 'BUILD_ID'), 'utf8')).trim();
  const basePath = nextBasePath(baseHref);
  const base = await writableFolder(runtimeDir ? [runtimeDir] : [join(root, '.next-base'), join(tmpdir(), `capstan-next-${process.getuid?.() ?? 0}`)]);
  const slug = `${basePath.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}-${createHash('sha256').update(baseHref).digest('hex').slice(0, 8)}`;
  const dir = join(base, slug);
  const stamp = `${buildId} ${baseHref}`;
  const stampFile = join(dir, '.next', 'CAPSTAN_BASE_HREF');

  const current = await fs.readFile(stampFile, 'utf8').catch(() => '');
  if (current !== stamp) {
    // Build beside the final folder and rename, so two Capstans starting at once never see half a copy.
    const staging = `${dir}.${process.pid}.${Date.now()}`;
    await fs.rm(staging, { recursive: true, force: true });
    // The build cache and standalone output are not needed to serve.
    await copyTree(source, join(staging, '.next'), basePath, new Set(['cache', 'standalone']));
    await fs.writeFile(join(staging, '.next', 'CAPSTAN_BASE_HREF'), stamp);
    // Externals (pglite, pino, ...) resolve from the bundles upwards: give them the project's node_modules.
    await fs.symlink(join(root, 'node_modules'), join(staging, 'node_modules'));
    await fs.rm(dir, { recursive: true, force: true });
    try {
      await fs.rename(staging, dir);
    } catch {
      // Another Capstan won the race: use its copy when it is the one we need.
      await fs.rm(staging, { recursive: true, force: true });
      if ((await fs.readFile(stampFile, 'utf8').catch(() => '')) !== stamp) throw new Error(`could not prepare the build in ${dir}`);
    }
  }
  const config = await readBuildConfig(join(dir, '.next'));
  if (!config) throw new Error(`the build in ${dir} has no required-server-files.json: run npx next build`);
  return { dir, config: { ...config, distDir: '.next' } };
}
