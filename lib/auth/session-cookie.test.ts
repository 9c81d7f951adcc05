import { describe, expect, it } from 'vitest';
import { authorizationCookie, authorizationFromToken, capstanCookie, loginPathFor, returnLocation, safeRedirect } from './session-cookie';

describe('the authorization cookie', () => {
  it('works in a cross-site iframe over TLS, and is Lax without', () => {
    expect(authorizationCookie('Bearer a b', { baseHref: '/argo/', tls: true })).toBe(
      'authorization=Bearer%20a%20b; Path=/argo/; HttpOnly; SameSite=None; Secure; Partitioned',
    );
    expect(authorizationCookie('Bearer x', { baseHref: '/', tls: false })).toBe('authorization=Bearer%20x; Path=/; HttpOnly; SameSite=Lax');
    expect(authorizationCookie('', { baseHref: '/argo/', tls: true, clear: true })).toContain('Max-Age=0');
  });

  it('reads a pasted token as Argo\'s UI does', () => {
    expect(authorizationFromToken(' abc ')).toBe('Bearer abc');
    expect(authorizationFromToken('Bearer abc')).toBe('Bearer abc');
    expect(authorizationFromToken('Basic dTpw')).toBe('Basic dTpw');
    expect(authorizationFromToken('  ')).toBeUndefined();
  });

  it('redirects only inside Capstan', () => {
    expect(safeRedirect('/workflows/argo/x?tab=yaml')).toBe('/workflows/argo/x?tab=yaml');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/ /evil', '/x/../..//evil']) expect(safeRedirect(bad)).toBe('/workflows');
  });

  it('returns under the base path, whether the path asked for carries it or not', () => {
    expect(returnLocation('/argo/', '/workflows/ns/x?tab=logs')).toBe('/argo/workflows/ns/x?tab=logs');
    expect(returnLocation('/argo/', '/argo/workflows')).toBe('/argo/workflows');
    expect(returnLocation('/', '/workflows')).toBe('/workflows');
    expect(returnLocation('/argo/', '//evil')).toBe('/argo/workflows');
    expect(loginPathFor('/workflows/ns/x?tab=logs')).toBe('/login?redirect=%2Fworkflows%2Fns%2Fx%3Ftab%3Dlogs');
  });

  it('names other cookies the same way, with an expiry', () => {
    expect(capstanCookie('oauth2-state', 'v', { baseHref: '/argo/', tls: true, maxAgeSeconds: 180 })).toBe(
      'oauth2-state=v; Path=/argo/; HttpOnly; SameSite=None; Secure; Partitioned; Max-Age=180',
    );
  });
});
