import { describe, expect, it } from 'vitest';
import { readAuthorization, toCredential } from './credential';

describe('credentials', () => {
  it('reads the header, else the authorization cookie', () => {
    expect(readAuthorization('Bearer abc', 'authorization=Bearer%20zzz')).toBe('Bearer abc');
    expect(readAuthorization(null, 'a=1; authorization=Bearer%20zzz')).toBe('Bearer zzz');
    expect(readAuthorization(null, null)).toBeUndefined();
  });

  it('picks the mode per request as argo-server does', () => {
    const all = ['server', 'client', 'sso'];
    expect(toCredential(undefined, all)).toEqual({ mode: 'server' });
    expect(toCredential('Bearer v2:xyz', all)).toEqual({ mode: 'sso', token: 'v2:xyz' });
    expect(toCredential('Bearer tok', all)).toEqual({ mode: 'client', scheme: 'Bearer', token: 'tok' });
    expect(toCredential('Basic dTpw', all)).toEqual({ mode: 'client', scheme: 'Basic', token: 'dTpw' });
    // Server mode serves any header, as the CLI sends ARGO_TOKEN even then.
    expect(toCredential('unused', ['server'])).toEqual({ mode: 'server' });
    expect(toCredential('Bearer tok', ['server'])).toEqual({ mode: 'server' });
  });

  it('refuses what no allowed mode accepts, with Unauthenticated', () => {
    expect(() => toCredential(undefined, ['client'])).toThrow(/^token not valid/);
    expect(() => toCredential('Token x', ['client'])).toThrow(/^token not valid/);
    try {
      toCredential(undefined, ['client']);
    } catch (error) {
      expect((error as { httpStatus: number }).httpStatus).toBe(401);
    }
  });
});
