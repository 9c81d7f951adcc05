import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest';

describe('parseManifest', () => {
  it('reads YAML and JSON objects', () => {
    expect(parseManifest('kind: Workflow\nmetadata:\n  generateName: x-\n')).toEqual({ object: { kind: 'Workflow', metadata: { generateName: 'x-' } } });
    expect(parseManifest('{"kind": "Workflow"}')).toEqual({ object: { kind: 'Workflow' } });
  });
  it('reads octal modes as kubectl does (YAML 1.1)', () => {
    expect(parseManifest('spec: {mode: 0755}')).toEqual({ object: { spec: { mode: 493 } } });
  });

  it('says what is wrong, and where', () => {
    expect(parseManifest('')).toEqual({ error: 'The manifest is empty.' });
    expect(parseManifest('- a\n- b')).toMatchObject({ error: expect.stringMatching(/one object/) });
    const bad = parseManifest('kind: Workflow\nspec:\n  a: [1, 2\n');
    expect(bad).toMatchObject({ error: expect.stringMatching(/^YAML: /) });
    expect('line' in bad && bad.line).toBeGreaterThan(0);
  });
});
