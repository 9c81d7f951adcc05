import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface ExampleDocument {
  file: string;
  object: { kind?: string; metadata?: { name?: string; generateName?: string; labels?: Record<string, string> }; spec?: unknown };
}

/** Every YAML document under Argo's examples folder (test input only: reads files, so tests import it, lib does not). */
export function loadExamples(dir = join(process.cwd(), '..', 'shared', 'argo', 'examples')): ExampleDocument[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry)) files.push(path);
    }
  };
  walk(dir);
  const documents: ExampleDocument[] = [];
  for (const file of files.sort()) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { strict: false, uniqueKeys: false })) {
      const object = doc.toJS({ maxAliasCount: -1 }) as ExampleDocument['object'] | null;
      if (object && typeof object === 'object') documents.push({ file: file.slice(dir.length + 1), object });
    }
  }
  return documents;
}
