import { describe, expect, it } from 'vitest';
import { authorizationCookie, authorizationFromToken, safeRedirect } from './session-cookie';

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
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example']) expect(safeRedirect(bad)).toBe('/workflows');
  });
});
