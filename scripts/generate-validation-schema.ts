// Generates lib/generated/validation-schema.ts, the shapes `argo lint` decodes, from ../shared/argo/schema.json.
//   npx tsx scripts/generate-validation-schema.ts           write the file
//   npx tsx scripts/generate-validation-schema.ts --check   exit 1 if the checked-in file is stale (for CI)
// ARGO_SHARED_DIR overrides the input folder. The conversion itself is lib/validate/compile-shapes.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileShapes, renderShapeModule } from '../lib/validate/compile-shapes';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outputPath = join(repoRoot, 'lib', 'generated', 'validation-schema.ts');
const regenerate = 'npx tsx scripts/generate-validation-schema.ts';

function main(args: string[]): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(' ')}; usage: ${regenerate} [--check]`);
    return 2;
  }
  const inputDir = resolve(process.env.ARGO_SHARED_DIR ?? join(repoRoot, '..', 'shared', 'argo'));
  const schemaPath = join(inputDir, 'schema.json');
  if (!existsSync(schemaPath)) throw new Error(`${schemaPath} not found (set ARGO_SHARED_DIR to the folder holding it)`);
  const table = compileShapes(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const content = renderShapeModule(table);
  const current = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined;
  const shown = relative(repoRoot, outputPath);
  const count = Object.keys(table.definitions).length;
  if (args.includes('--check')) {
    if (current === content) {
      console.log(`${shown} is current (${count} definitions)`);
      return 0;
    }
    console.error(`${shown} is ${current === undefined ? 'missing' : 'stale'}: run \`${regenerate}\``);
    return 1;
  }
  if (current !== content) writeFileSync(outputPath, content);
  console.log(`${count} definitions; ${shown} ${current === content ? 'unchanged' : 'written'}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`generate-validation-schema: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
