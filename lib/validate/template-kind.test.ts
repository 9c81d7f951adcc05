import { describe, expect, it } from 'vitest';
import { getTemplateKind, hasResultOutput, isLeafKind, isPodKind, listKindFields } from './template-kind';

describe('template kinds', () => {
  it('names the first kind field set, counting empty objects', () => {
    expect(getTemplateKind({ suspend: {} })).toBe('Suspend');
    expect(getTemplateKind({ name: 'x' })).toBe('Unknown');
    expect(listKindFields({ container: { image: 'a' }, script: { image: 'a', source: '' } })).toEqual(['container', 'script']);
  });

  it('classifies pods and leaves as Argo does', () => {
    expect(isPodKind({ resource: { action: 'get' } })).toBe(true);
    expect(isPodKind({ http: { url: 'x' } })).toBe(false);
    expect(isLeafKind({ http: { url: 'x' } })).toBe(true);
    expect(isLeafKind({ steps: [] })).toBe(false);
  });

  it('knows which templates have a result', () => {
    expect(hasResultOutput({ script: { image: 'a', source: 'b' } })).toBe(true);
    expect(hasResultOutput({ containerSet: { containers: [{ name: 'main' }] } })).toBe(true);
    expect(hasResultOutput({ containerSet: { containers: [{ name: 'a' }] } })).toBe(false);
    expect(hasResultOutput({ resource: { action: 'get' } })).toBe(false);
  });
});
