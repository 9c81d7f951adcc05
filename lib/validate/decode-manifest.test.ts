import { describe, expect, it } from 'vitest';
import { decodeManifest, formatGoFloat, toAnyString } from './decode-manifest';

describe('toAnyString and formatGoFloat', () => {
  it('formats numbers as Go does, without exponents', () => {
    expect(toAnyString(1)).toBe('1');
    expect(toAnyString(0.5)).toBe('0.5');
    expect(formatGoFloat(1e21)).toBe('1000000000000000000000');
    expect(formatGoFloat(1e-7)).toBe('0.0000001');
  });

  it('keeps strings, spells booleans, and empties anything else', () => {
    expect(toAnyString('x')).toBe('x');
    expect(toAnyString(true)).toBe('true');
    expect(toAnyString({ a: 1 })).toBe('');
  });
});

describe('decodeManifest', () => {
  it("reads missing required strings as Go's empty string", () => {
    const manifest = { spec: { templates: [{ name: 'main', resource: {} }], arguments: { parameters: [{ value: 'x' }] } } };
    expect(decodeManifest(manifest, 'Workflow')).toEqual({
      spec: { templates: [{ name: 'main', resource: { action: '' } }], arguments: { parameters: [{ name: '', value: 'x' }] } },
    });
  });

  it('drops nulls and unknown fields, and reads AnyString values as strings', () => {
    const manifest = {
      metadata: { name: 'a', labels: null },
      spec: {
        entrypoint: 'main',
        onExit: null,
        unknown: 1,
        arguments: { parameters: [{ name: 'n', value: 3, enum: [3, true] }] },
        templates: [{ name: 'main', steps: [[{ name: 's', template: 't', withItems: [1, { a: null }] }]] }],
      },
    };
    expect(decodeManifest(manifest, 'Workflow')).toEqual({
      metadata: { name: 'a' },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'n', value: '3', enum: ['3', 'true'] }] },
        templates: [{ name: 'main', steps: [[{ name: 's', template: 't', withItems: [1, { a: null }] }]] }],
      },
    });
  });
});
