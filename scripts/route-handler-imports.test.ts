import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The server bundle carries the part of @kubernetes/client-node it uses (scripts/bundle-server.mjs). A route handler
// that imports the package, even through a server/ module, makes Next load all of it again beside the bundle (~40 MiB
// of RSS, docs/architecture.md): route handlers reach the cluster through the runtime's KubeCluster instead.
const root = fileURLToPath(new URL('..', import.meta.url));
const importPattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : specifier.startsWith('.') ? join(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
}

/** Each module reachable by value imports from `entries`, with the chain that reaches a value import of `pkg`. */
function chainsTo(pkg: string, entries: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const [statement, typeOnly, specifier] = match as unknown as [string, string | undefined, string];
      // `import { type A, type B }` is erased too.
      const erased = Boolean(typeOnly) || /^\s*import\s*\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}/.test(statement);
      if (erased) continue;
      if (specifier === pkg) found.push([...chain, file].map((f) => relative(root, f)).join(' -> '));
      const local = resolveLocal(file, specifier);
      if (local) visit(local, [...chain, file]);
    }
  };
  for (const entry of entries) visit(entry, []);
  return found;
}

describe('route handlers', () => {
  it('never import @kubernetes/client-node, directly or through server/ modules', () => {
    const entries = sourceFiles(join(root, 'app')).filter((f) => /\/(route|page|layout)\.tsx?$/.test(f));
    expect(entries.length).toBeGreaterThan(50);
    expect(chainsTo('@kubernetes/client-node', entries)).toEqual([]);
  });
});
