import { describe, expect, it } from 'vitest';
import { toFieldPath, toIndexPath } from './json-path';

describe('toFieldPath and toIndexPath', () => {
  it('joins fields with dots and indexes with brackets', () => {
    expect(toFieldPath('', 'spec')).toBe('spec');
    expect(toIndexPath(toFieldPath('spec', 'templates'), 2)).toBe('spec.templates[2]');
  });

  it('quotes keys that are not plain words', () => {
    expect(toFieldPath('metadata.labels', 'app.kubernetes.io/name')).toBe('metadata.labels["app.kubernetes.io/name"]');
    expect(toFieldPath('', 'a b')).toBe('["a b"]');
  });
});
