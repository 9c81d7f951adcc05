import { describe, expect, it } from 'vitest';
import { callbackUrl, filterGroups, groupsFromClaims, parseSsoConfig, SsoConfigError } from './sso-config';

// The `sso:` block from Argo's documentation (argo-server-sso.md), unchanged.
const argoExample = {
  issuer: 'https://issuer.example/dex',
  clientId: { name: 'argo-server-sso', key: 'client-id' },
  clientSecret: { name: 'argo-server-sso', key: 'client-secret' },
  redirectUrl: 'https://argo-server/oauth2/callback',
  rbac: { enabled: true },
  scopes: ['groups', 'email'],
  sessionExpiry: '240h',
  customGroupClaimName: 'argo_groups',
  userInfoPath: '/userinfo',
  insecureSkipVerify: true,
  filterGroupsRegex: ['.*argo-wf.*'],
};

describe('parseSsoConfig', () => {
  it("reads Argo's documented configuration unchanged", () => {
    const config = parseSsoConfig(argoExample);
    expect(config).toMatchObject({
      issuer: 'https://issuer.example/dex',
      clientId: { name: 'argo-server-sso', key: 'client-id' },
      redirectUrl: 'https://argo-server/oauth2/callback',
      rbacEnabled: true,
      scopes: ['groups', 'email', 'openid'],
      sessionExpirySeconds: 240 * 3600,
      customGroupClaimName: 'argo_groups',
      userInfoPath: '/userinfo',
      insecureSkipVerify: true,
    });
    expect(config.filterGroupsRegex.map(String)).toEqual(['/.*argo-wf.*/']);
  });

  it("applies argo-server's defaults: 10h sessions, RBAC off, openid scope", () => {
    const config = parseSsoConfig({ issuer: 'https://i', clientId: { name: 's', key: 'id' }, clientSecret: { name: 's', key: 'secret' } });
    expect(config).toMatchObject({ sessionExpirySeconds: 36000, rbacEnabled: false, scopes: ['openid'], redirectUrl: '', insecureSkipVerify: false });
  });

  it('names the field at fault', () => {
    expect(() => parseSsoConfig(undefined)).toThrow(SsoConfigError);
    expect(() => parseSsoConfig({ clientId: {} })).toThrow(/sso.issuer/);
    expect(() => parseSsoConfig({ issuer: 'https://i', clientId: { name: 's' } })).toThrow(/sso.clientId/);
    expect(() => parseSsoConfig({ ...argoExample, sessionExpiry: 'soon' })).toThrow(/sso.sessionExpiry/);
    expect(() => parseSsoConfig({ ...argoExample, filterGroupsRegex: ['('] })).toThrow(/filterGroupsRegex/);
  });
});

describe('callbackUrl', () => {
  it('is the configured redirectUrl, else built from the request and the base path', () => {
    expect(callbackUrl({ redirectUrl: 'https://x/cb' }, { host: 'h', tls: false }, '/')).toBe('https://x/cb');
    expect(callbackUrl({ redirectUrl: '' }, { host: 'portal.example', tls: true }, '/argo/')).toBe('https://portal.example/argo/oauth2/callback');
    expect(callbackUrl({ redirectUrl: '' }, { host: 'localhost:2746', tls: false }, '/')).toBe('http://localhost:2746/oauth2/callback');
  });
});

describe('groups', () => {
  it('reads the groups claim or the custom one, and keeps those a filter matches', () => {
    expect(groupsFromClaims({ groups: ['a', 1, 'b'] })).toEqual(['a', 'b']);
    expect(groupsFromClaims({ groups: ['a'], roles: ['r'] }, 'roles')).toEqual(['r']);
    expect(groupsFromClaims({ groups: 'a' })).toEqual([]);
    expect(filterGroups(['team-argo-wf', 'other'], [/argo-wf/])).toEqual(['team-argo-wf']);
    expect(filterGroups(['x'], [])).toEqual(['x']);
  });
});
