import { describe, expect, it } from 'vitest';
import { stripBaseHref } from './base-href';

describe('stripBaseHref', () => {
  it.each([
    ['/argo/api/v1/version', '/argo/', '/api/v1/version'],
    ['/argo', '/argo/', '/'],
    ['/argo?x=1', '/argo/', '/?x=1'],
    ['/api/v1/version', '/argo/', '/api/v1/version'],
    ['/argonaut/x', '/argo/', '/argonaut/x'],
    ['/x', '/', '/x'],
  ])('%s under %s -> %s', (url, base, expected) => {
    expect(stripBaseHref(url, base)).toBe(expected);
  });
});
