import { describe, expect, it } from 'vitest';
import { hasLocationOrKey } from './artifact-location';

describe('hasLocationOrKey', () => {
  it('is false without any store', () => {
    expect(hasLocationOrKey({})).toBe(false);
  });

  it('accepts a key alone, as with a default artifact repository', () => {
    expect(hasLocationOrKey({ s3: { key: 'my/key' } })).toBe(true);
    expect(hasLocationOrKey({ s3: {} })).toBe(false);
  });

  it('accepts raw and git locations, and takes an HTTP key from the URL path', () => {
    expect(hasLocationOrKey({ raw: { data: 'x' } })).toBe(true);
    expect(hasLocationOrKey({ git: { repo: 'https://github.com/a/b' } })).toBe(true);
    expect(hasLocationOrKey({ http: { url: 'https://example.com/file.txt' } })).toBe(true);
  });

  it('looks only at the first store in Argo order', () => {
    expect(hasLocationOrKey({ git: { repo: '' }, s3: { key: 'k' } })).toBe(false);
  });
});
