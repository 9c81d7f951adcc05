import { describe, expect, it } from 'vitest';
import { chooseServiceAccount, delegatesTo, matchServiceAccount, RbacRuleError, type SsoClaims, tokenSecretName } from './sso-rbac';

const claims = (over: Partial<SsoClaims> = {}): SsoClaims => ({
  iss: 'argo-server', sub: 'alice', exp: 0, groups: [], email: '', email_verified: false, name: '', preferred_username: '', ...over,
});
const account = (name: string, rule?: string, precedence?: number) => ({
  metadata: {
    name,
    namespace: 'argo',
    annotations: {
      ...(rule ? { 'workflows.argoproj.io/rbac-rule': rule } : {}),
      ...(precedence !== undefined ? { 'workflows.argoproj.io/rbac-rule-precedence': String(precedence) } : {}),
    },
  },
});

describe('matchServiceAccount', () => {
  const accounts = [account('default'), account('read-only', 'true', 0), account('admin', "'admins' in groups", 1)];

  it('picks the highest-precedence account whose rule holds', () => {
    expect(matchServiceAccount(claims({ groups: ['admins'] }), accounts)?.metadata.name).toBe('admin');
    expect(matchServiceAccount(claims({ groups: ['devs'] }), accounts)?.metadata.name).toBe('read-only');
  });

  it('skips accounts without a rule and finds none when no rule holds', () => {
    expect(matchServiceAccount(claims(), [account('default'), account('x', 'email == "bob@example.com"')])).toBeUndefined();
  });

  it('reads email and the other claims, empty when the provider gave none', () => {
    expect(matchServiceAccount(claims({ email: 'bob@example.com' }), [account('bob', 'email == "bob@example.com"')])?.metadata.name).toBe('bob');
    expect(matchServiceAccount(claims(), [account('g', "'x' in groups")])).toBeUndefined();
  });

  it('reports a rule that does not evaluate, naming the account', () => {
    expect(() => matchServiceAccount(claims(), [account('bad', 'groups +')])).toThrow(RbacRuleError);
    expect(() => matchServiceAccount(claims(), [account('bad', '"not a bool"')])).toThrow(/argo\/bad/);
  });
});

describe('chooseServiceAccount', () => {
  const login = account('login', 'true', 1);
  it('keeps the login account unless the namespace has one of higher precedence', () => {
    expect(chooseServiceAccount(login, account('ns', 'true', 0))).toEqual({ account: login, delegated: false });
    expect(chooseServiceAccount(login, account('ns', 'true', 2))?.account.metadata.name).toBe('ns');
    expect(chooseServiceAccount(undefined, account('ns', 'true', 0))?.delegated).toBe(true);
    expect(chooseServiceAccount(undefined, undefined)).toBeUndefined();
  });

  it('delegates only when on, and only to another namespace', () => {
    expect(delegatesTo('team-a', 'argo', true)).toBe('team-a');
    expect(delegatesTo('argo', 'argo', true)).toBeUndefined();
    expect(delegatesTo('team-a', 'argo', false)).toBeUndefined();
    expect(delegatesTo(undefined, 'argo', true)).toBeUndefined();
  });
});

describe('tokenSecretName', () => {
  it("follows argo-server: the account's first secret, the annotation, else <name>.service-account-token", () => {
    expect(tokenSecretName({ metadata: { name: 'a' }, secrets: [{ name: 'a-token-x' }] })).toBe('a-token-x');
    expect(tokenSecretName({ metadata: { name: 'a', annotations: { 'workflows.argoproj.io/service-account-token.name': 't' } } })).toBe('t');
    expect(tokenSecretName({ metadata: { name: 'a' } })).toBe('a.service-account-token');
  });
});
