import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compileShapes, renderShapeModule } from './compile-shapes';
import { createTemplateResolver, lintableKinds, validateManifest } from './index';

// Conformance: every manifest in Argo's examples passes `argo lint --offline` v4.1.2 (checked against the real
// binary), so each must pass here too, with the examples' WorkflowTemplates available to templateRef.

const examplesDir = fileURLToPath(new URL('../../../shared/argo/examples', import.meta.url));

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listYamlFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((path) => /\.ya?ml$/.test(path))
    .sort();
}

// go-yaml accepts a multi-line quoted scalar in a flow sequence whose closing `"]` sits at its key's indentation;
// the yaml package wants flow content indented past its parent. Indenting that line changes no value, since
// quoted scalars fold leading whitespace away.
function indentClosingFlowQuotes(text: string): string {
  return text.replace(/^(\s*)(["'])\]/gm, '$1  $2]');
}

/** Parses every document of a file; duplicate keys are allowed (later wins), as go-yaml's lenient decoding does. */
function readManifests(text: string): { manifests: unknown[]; repaired: boolean } {
  const parse = (source: string) => parseAllDocuments(source, { uniqueKeys: false });
  let documents = parse(text);
  let repaired = false;
  if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) {
    documents = parse(indentClosingFlowQuotes(text));
    repaired = true;
  }
  if (!Array.isArray(documents)) return { manifests: [], repaired };
  const errors = documents.flatMap((document) => document.errors);
  if (errors.length > 0) throw new Error(errors[0]?.message);
  return { manifests: documents.map((document) => document.toJS()).filter((value) => value != null), repaired };
}

const files = existsSync(examplesDir) ? listYamlFiles(examplesDir) : [];
const parsed = files.map((path) => ({ file: relative(examplesDir, path), ...readManifests(readFileSync(path, 'utf8')) }));
const resolver = createTemplateResolver(parsed.flatMap((entry) => entry.manifests));
const lintable = parsed.flatMap(({ file, manifests }) =>
  manifests
    .filter((manifest) => (lintableKinds as readonly unknown[]).includes((manifest as { kind?: unknown }).kind))
    .map((manifest, index) => {
      const { kind, metadata } = manifest as { kind: string; metadata?: { name?: string; generateName?: string } };
      return { file, kind, name: metadata?.name ?? metadata?.generateName ?? `object #${index + 1}`, manifest };
    }),
);

describe.skipIf(files.length === 0)("Argo's examples", () => {
  it('parse, with only the known quoting quirk repaired', () => {
    expect(parsed.filter((entry) => entry.repaired).map((entry) => entry.file)).toEqual([
      'ci-output-artifact.yaml',
      'ci.yaml',
      'k8s-orchestration.yaml',
      'secrets.yaml',
      'sidecar.yaml',
    ]);
    expect(lintable.length).toBeGreaterThanOrEqual(150);
  });

  it.each(lintable)('$file: $kind $name is valid', ({ manifest }) => {
    expect(validateManifest(manifest, { resolver })?.errors).toEqual([]);
  });
});

// Parity corpus: small manifests, each passed through `argo lint --offline` v4.1.2 (built from Argo's source)
// with its verdict and message recorded in testdata/argo-lint-verdicts.json. Capstan must reach the same
// verdict, except where `capstanDiffers` says why it is deliberately stricter.
interface RecordedVerdict {
  name: string;
  argo: 'accept' | 'reject';
  argoSays?: string;
  capstanDiffers?: string;
  documents: unknown[];
}

const verdicts = JSON.parse(readFileSync(new URL('./testdata/argo-lint-verdicts.json', import.meta.url), 'utf8')) as RecordedVerdict[];

describe('verdicts recorded from argo lint', () => {
  it('cover both outcomes', () => {
    expect(verdicts.filter((verdict) => verdict.argo === 'reject').length).toBeGreaterThan(100);
    expect(verdicts.filter((verdict) => verdict.argo === 'accept').length).toBeGreaterThan(50);
  });

  it.each(verdicts)('$name: argo says $argo', ({ argo, capstanDiffers, documents }) => {
    const context = { resolver: createTemplateResolver(documents) };
    const errors = documents.flatMap((document) => validateManifest(document, context)?.errors ?? []);
    const expected = capstanDiffers === undefined ? argo : argo === 'accept' ? 'reject' : 'accept';
    expect(errors.length > 0 ? 'reject' : 'accept').toBe(expected);
  });
});

describe('lib/generated/validation-schema.ts', () => {
  const schemaPath = fileURLToPath(new URL('../../../shared/argo/schema.json', import.meta.url));
  it.skipIf(!existsSync(schemaPath))('is what scripts/generate-validation-schema.ts makes of schema.json', () => {
    const generated = readFileSync(new URL('../generated/validation-schema.ts', import.meta.url), 'utf8');
    expect(generated).toBe(renderShapeModule(compileShapes(JSON.parse(readFileSync(schemaPath, 'utf8')))));
  });
});
