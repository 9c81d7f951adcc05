import { parseDocument } from 'yaml';

/** A manifest typed by hand: the object, or why it cannot be read (with the line, counted from 1). */
export type ParsedManifest = { object: Record<string, unknown> } | { error: string; line?: number };

/** Parses YAML (or JSON) text into one object, with messages a person can act on. */
export function parseManifest(text: string): ParsedManifest {
  if (!text.trim()) return { error: 'The manifest is empty.' };
  // YAML 1.1, as kubectl and the argo CLI read manifests: an artifact's `mode: 0755` is octal (493), as in Argo's examples.
  const document = parseDocument(text, { version: '1.1' });
  const problem = document.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    return { error: `YAML: ${problem.message.split('\n')[0]}`, ...(line ? { line } : {}) };
  }
  const value: unknown = document.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'The manifest must be one object (a mapping), not a list or a scalar.' };
  return { object: value as Record<string, unknown> };
}
