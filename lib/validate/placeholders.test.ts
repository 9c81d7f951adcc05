import { describe, expect, it } from 'vitest';
import { createPlaceholders, isPlaceholder } from './placeholders';

describe('placeholders', () => {
  it('numbers placeholders per source, in Argo format', () => {
    const source = createPlaceholders();
    expect([source.next(), source.next()]).toEqual(['__argo__internal__placeholder-0', '__argo__internal__placeholder-1']);
    expect(createPlaceholders().next()).toBe('__argo__internal__placeholder-0');
  });

  it('recognises placeholders by prefix', () => {
    expect(isPlaceholder('__argo__internal__placeholder-7')).toBe(true);
    expect(isPlaceholder('x-__argo__internal__placeholder-7')).toBe(false);
  });
});
