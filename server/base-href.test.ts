import { describe, expect, it } from 'vitest';
import { basePathPlaceholder, fixRoutesManifest, nextBasePath, replaceBasePath, toNextPath, withBaseHref } from './base-href';

describe('toNextPath', () => {
  it.each([
    // the proxy passed the prefix through
    ['/argo/api/v1/version', '/argo/', '/argo/api/v1/version'],
    ['/argo', '/argo/', '/argo'],
    ['/argo/', '/argo/', '/argo'],
    ['/argo?x=1', '/argo/', '/argo?x=1'],
    ['/argo/?x=1', '/argo/', '/argo?x=1'],
    // the proxy stripped it
    ['/api/v1/version', '/argo/', '/argo/api/v1/version'],
    ['/', '/argo/', '/argo'],
    ['/?x=1', '/argo/', '/argo?x=1'],
    ['/_next/static/chunks/a.js', '/argo/', '/argo/_next/static/chunks/a.js'],
    ['/argonaut/x', '/argo/', '/argo/argonaut/x'],
    ['/workflows?ns=a/b', '/a/b/', '/a/b/workflows?ns=a/b'],
    ['/a/b/workflows', '/a/b/', '/a/b/workflows'],
    // served at the root
    ['/x', '/', '/x'],
    ['/', '/', '/'],
  ])('%s under %s -> %s', (url, base, expected) => {
    expect(toNextPath(url, base)).toBe(expected);
  });
});

describe('the build placeholder', () => {
  it('becomes the base path, or nothing at the root', () => {
    const text = `a="${basePathPlaceholder}/_next/";b=addPathPrefix(e,"${basePathPlaceholder}")`;
    expect(replaceBasePath(text, nextBasePath('/argo/'))).toBe('a="/argo/_next/";b=addPathPrefix(e,"/argo")');
    expect(replaceBasePath(text, nextBasePath('/'))).toBe('a="/_next/";b=addPathPrefix(e,"")');
  });

  it('drops the basePath redirect at the root, which would loop', () => {
    const manifest = { redirects: [{ source: '/' }, { source: '/:path+/' }] };
    fixRoutesManifest(manifest, '/argo');
    expect(manifest.redirects).toHaveLength(2);
    fixRoutesManifest(manifest, '');
    expect(manifest.redirects).toEqual([{ source: '/:path+/' }]);
  });
});

describe('withBaseHref', () => {
  it('joins without doubled slashes', () => {
    expect(withBaseHref('/argo/', '/api/v1/version')).toBe('/argo/api/v1/version');
    expect(withBaseHref('/', 'api/v1/version')).toBe('/api/v1/version');
  });
});
