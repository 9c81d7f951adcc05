// Generates lib/generated/*.ts, Argo's wire types, from ../shared/argo/{schema.json,swagger.json}.
//   npx tsx scripts/generate-types.ts           write the files
//   npx tsx scripts/generate-types.ts --check   exit 1 if the checked-in files are stale (for CI)
// ARGO_SHARED_DIR overrides the input folder. The conversion itself lives in scripts/type-gen/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectDefinitions } from './type-gen/collect-definitions';
import { findStaleFiles } from './type-gen/find-stale-files';
import { renderFiles } from './type-gen/render-files';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outputDir = join(repoRoot, 'lib', 'generated');
const regenerate = 'npx tsx scripts/generate-types.ts';

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${path} not found (set ARGO_SHARED_DIR to the folder holding it)`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readCurrentFiles(): Map<string, string> {
  if (!existsSync(outputDir)) return new Map();
  return new Map(
    readdirSync(outputDir)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [name, readFileSync(join(outputDir, name), 'utf8')]),
  );
}

function main(args: string[]): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(' ')}; usage: ${regenerate} [--check]`);
    return 2;
  }
  const inputDir = resolve(process.env.ARGO_SHARED_DIR ?? join(repoRoot, '..', 'shared', 'argo'));
  const definitions = collectDefinitions(readJson(join(inputDir, 'schema.json')), readJson(join(inputDir, 'swagger.json')));
  const files = renderFiles(definitions);
  const stale = findStaleFiles(files, readCurrentFiles());
  const shown = (path: string) => relative(repoRoot, join(outputDir, path));
  if (args.includes('--check')) {
    for (const { path, reason, line } of stale) {
      const detail = reason === 'changed' ? `differs from line ${line}` : reason === 'missing' ? 'missing' : 'no longer generated';
      console.error(`${shown(path)} is stale (${detail}): run \`${regenerate}\``);
    }
    if (stale.length === 0) console.log(`lib/generated is current (${definitions.length} types)`);
    return stale.length === 0 ? 0 : 1;
  }
  mkdirSync(outputDir, { recursive: true });
  for (const { path, reason } of stale) {
    if (reason === 'orphaned') rmSync(join(outputDir, path));
    else writeFileSync(join(outputDir, path), files.find((file) => file.path === path)?.content ?? '');
  }
  console.log(`${definitions.length} types in ${files.length} files; ${stale.length} written or removed in lib/generated`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`generate-types: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
