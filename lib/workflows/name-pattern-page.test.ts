import { describe, expect, it } from 'vitest';
import { filterByNamePattern } from './name-pattern-page';

const t = (name: string, rv: string) => ({ metadata: { name, resourceVersion: rv } });

describe('filterByNamePattern', () => {
  const items = [t('build-a', '3'), t('deploy', '4'), t('build-b', '5'), t('build-c', '6')];

  it('filters by substring, newest first, and pages by resourceVersion', () => {
    const first = filterByNamePattern(items, 'build', { limit: 2 });
    expect(first.items.map((i) => i.metadata.name)).toEqual(['build-c', 'build-b']);
    expect(first.continue).toBe('5');
    const second = filterByNamePattern(items, 'build', { limit: 2, continue: first.continue });
    expect(second.items.map((i) => i.metadata.name)).toEqual(['build-a']);
    expect(second.continue).toBeUndefined();
  });
});
