import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { argoCli } from '../testing/argo-cli';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { type OidcProviderProcess, ssoLogin, startOidcProvider } from '../testing/oidc-provider';
import { testBed, uniqueNamespace } from '../testing/test-bed';

// SSO as argo-server's, against a real OpenID provider (oidc-provider from npm, scripts/test-bed/oidc-provider.mjs)
// and the real kube-apiserver: users' groups map to ServiceAccounts by their rbac-rule annotations, and requests run
// with that account's token, so Kubernetes RBAC decides.
const bed = testBed();
const home = uniqueNamespace('sso');
const teamA = uniqueNamespace('sso-a');
const teamB = uniqueNamespace('sso-b');
const teamC = uniqueNamespace('sso-c');
const sessionExpirySeconds = 60;
let capstan: CapstanProcess;
let provider: OidcProviderProcess;

const kube = () => loadKubeConfig(bed.kubeconfig());
const core = () => kube().makeApiClient(CoreV1Api);
const rbac = () => kube().makeApiClient(RbacAuthorizationV1Api);

/** A ServiceAccount picked by `rule`, with its token Secret (as Argo's docs have users create it). */
async function ruleAccount(namespace: string, name: string, rule: string, precedence: number) {
  await core().createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name, annotations: { 'workflows.argoproj.io/rbac-rule': rule, 'workflows.argoproj.io/rbac-rule-precedence': String(precedence) } } },
  });
  await core().createNamespacedSecret({
    namespace,
    body: { metadata: { name: `${name}.service-account-token`, annotations: { 'kubernetes.io/service-account.name': name } }, type: 'kubernetes.io/service-account-token' },
  });
}

/** Lets an account use Argo's resources in one namespace (RoleBinding), or everywhere (ClusterRoleBinding). */
async function allowWorkflows(account: { namespace: string; name: string }, inNamespace?: string) {
  const subjects = [{ kind: 'ServiceAccount', name: account.name, namespace: account.namespace }];
  const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${home}-workflows` };
  if (inNamespace) {
    await rbac().createNamespacedRoleBinding({ namespace: inNamespace, body: { metadata: { name: `${account.name}-workflows` }, subjects, roleRef } });
  } else {
    await rbac().createClusterRoleBinding({ body: { metadata: { name: `${home}-${account.name}` }, subjects, roleRef } });
  }
}

async function waitForTokens(namespace: string, names: string[]) {
  for (const name of names) {
    for (let i = 0; ; i++) {
      const secret = await core().readNamespacedSecret({ namespace, name: `${name}.service-account-token` });
      if (secret.data?.token) break;
      if (i > 100) throw new Error(`the token controller did not fill ${namespace}/${name}.service-account-token`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  for (const name of [home, teamA, teamB, teamC]) await core().createNamespace({ body: { metadata: { name } } });
  await rbac().createClusterRole({
    body: { metadata: { name: `${home}-workflows` }, rules: [{ apiGroups: ['argoproj.io'], resources: ['*'], verbs: ['*'] }] },
  });
  // The configuration an argo-server install already has: the `sso` block and the client's Secret.
  await core().createNamespacedSecret({ namespace: home, body: { metadata: { name: 'argo-server-sso' }, stringData: { 'client-id': 'capstan', 'client-secret': 'capstan-secret' } } });
  provider = await startOidcProvider();
  await core().createNamespacedConfigMap({
    namespace: home,
    body: {
      metadata: { name: 'workflow-controller-configmap' },
      data: {
        sso: [
          `issuer: ${provider.issuer}`,
          'clientId: {name: argo-server-sso, key: client-id}',
          'clientSecret: {name: argo-server-sso, key: client-secret}',
          'scopes: [groups, email, profile]',
          `sessionExpiry: ${sessionExpirySeconds}s`,
          'rbac: {enabled: true}',
        ].join('\n'),
      },
    },
  });
  // admins: everything, everywhere; team-a: its namespace only; everyone: a rule that matches but grants nothing.
  await ruleAccount(home, 'admin-user', "'admins' in groups", 10);
  await ruleAccount(home, 'team-a-user', "'team-a' in groups", 5);
  await ruleAccount(home, 'everyone', "'everyone' in groups", 1);
  await allowWorkflows({ namespace: home, name: 'admin-user' });
  await allowWorkflows({ namespace: home, name: 'team-a-user' }, teamA);
  // Namespace delegation: team-c's own account for Bob, with a higher precedence than his login account.
  await ruleAccount(teamC, 'bob-in-c', "email == 'bob@example.com'", 20);
  await allowWorkflows({ namespace: teamC, name: 'bob-in-c' }, teamC);
  await waitForTokens(home, ['admin-user', 'team-a-user', 'everyone']);
  await waitForTokens(teamC, ['bob-in-c']);
  capstan = await startCapstan(['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'sso,client', '--namespace', home, '--no-samples'], {
    KUBECONFIG: bed.kubeconfig(),
    SSO_DELEGATE_RBAC_TO_NAMESPACE: 'true',
  });
}, 300_000);

afterAll(async () => {
  await capstan?.stop();
  await provider?.stop();
  await rbac().deleteClusterRoleBinding({ name: `${home}-admin-user` }).catch(() => undefined);
  await rbac().deleteClusterRole({ name: `${home}-workflows` }).catch(() => undefined);
});

const get = (path: string, authorization?: string) =>
  fetch(`${capstan.url}${path}`, { headers: authorization ? { cookie: `authorization=${encodeURIComponent(authorization)}` } : {} });

describe('SSO login round trip', () => {
  it('goes to the provider, back through /oauth2/callback, and sets a v2 session cookie', async () => {
    const login = await ssoLogin(capstan.url, 'alice', { redirect: '/workflows/x?tab=logs' });
    const first = login.responses[0]!;
    expect(first.status).toBe(302);
    const authorize = new URL(first.location!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${capstan.url}/oauth2/callback`);
    expect(authorize.searchParams.get('scope')?.split(' ').sort()).toEqual(['email', 'groups', 'openid', 'profile']);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    // Back where the login started, with the session cookie: HttpOnly, Lax without TLS, expiring with the session.
    expect(login.last.status).toBe(302);
    expect(login.last.headers.get('location')).toBe('/workflows/x?tab=logs');
    expect(login.authorization).toMatch(/^Bearer v2:/);
    const cookie = login.responses.at(-1)!.setCookies.find((c) => c.startsWith('authorization='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${sessionExpirySeconds}`);
  });

  it('refuses a callback without the login state, a wrong password and a forged session', async () => {
    const noState = await fetch(`${capstan.url}/oauth2/callback?code=x&state=y`);
    expect(noState.status).toBe(400);
    expect((await noState.json()).message).toMatch(/no login in progress/);
    const wrong = await ssoLogin(capstan.url, 'alice', { password: 'wrong' });
    expect(wrong.authorization).toBeUndefined();
    expect(await wrong.last.text()).toContain('wrong password');
    const forged = await get(`/api/v1/workflows/${teamA}`, 'Bearer v2:eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z');
    expect(forged.status).toBe(401);
    expect((await forged.json()).code).toBe(16);
  });
});

describe('SSO RBAC', () => {
  it('maps groups to the annotated ServiceAccount of highest precedence', async () => {
    const alice = (await ssoLogin(capstan.url, 'alice')).authorization!;
    const info = await (await get('/api/v1/userinfo', alice)).json();
    expect(info).toMatchObject({ subject: 'alice', email: 'alice@example.com', groups: ['admins', 'everyone'], serviceAccountName: 'admin-user', serviceAccountNamespace: home });
    expect((await get(`/api/v1/workflows/${teamB}`, alice)).status).toBe(200);

    const bob = (await ssoLogin(capstan.url, 'bob')).authorization!;
    expect(await (await get('/api/v1/userinfo', bob)).json()).toMatchObject({ serviceAccountName: 'team-a-user', groups: ['team-a', 'everyone'] });
  });

  it('gives a user mapped to an account allowed in namespace A a 403 in namespace B, on every path', async () => {
    const bob = (await ssoLogin(capstan.url, 'bob')).authorization!;
    expect((await get(`/api/v1/workflows/${teamA}`, bob)).status).toBe(200);
    for (const path of [
      `/api/v1/workflows/${teamB}`,
      `/api/v1/workflows/${teamB}/missing`,
      `/api/v1/workflow-templates/${teamB}`,
      `/api/v1/cron-workflows/${teamB}`,
      `/api/v1/workflows/${teamB}/missing/log?logOptions.container=main`,
    ]) {
      const response = await get(path, bob);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect((await response.json()).code).toBe(7);
    }
    const submit = await fetch(`${capstan.url}/api/v1/workflows/${teamB}`, {
      method: 'POST',
      headers: { cookie: `authorization=${encodeURIComponent(bob)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflow: { metadata: { generateName: 'x-' }, spec: { entrypoint: 'a', templates: [{ name: 'a', container: { image: 'alpine' } }] } } }),
    });
    expect(submit.status).toBe(403);
  });

  it("delegates to the request namespace's own account when its precedence is higher (SSO_DELEGATE_RBAC_TO_NAMESPACE)", async () => {
    const bob = (await ssoLogin(capstan.url, 'bob')).authorization!;
    expect((await get(`/api/v1/workflows/${teamC}`, bob)).status).toBe(200);
  });

  it('refuses a user no rule matches with 403 not allowed, as argo-server', async () => {
    const carol = (await ssoLogin(capstan.url, 'carol')).authorization!;
    const response = await get(`/api/v1/workflows/${teamA}`, carol);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 7, message: 'not allowed' });
  });

  it('works with the argo CLI given the v2 token (ARGO_TOKEN)', async () => {
    const bob = (await ssoLogin(capstan.url, 'bob')).authorization!;
    process.env.ARGO_TOKEN = bob;
    try {
      const { stdout } = await argoCli(bed.argoBin(), `127.0.0.1:${capstan.port}`, ['list', '-n', teamA]);
      expect(stdout.trim()).toBe('No workflows found');
      await expect(argoCli(bed.argoBin(), `127.0.0.1:${capstan.port}`, ['list', '-n', teamB])).rejects.toMatchObject({
        stderr: expect.stringMatching(/PermissionDenied|forbidden/i),
      });
    } finally {
      delete process.env.ARGO_TOKEN;
    }
  });
});

describe('SSO sessions', () => {
  it('logout revokes the session and names the provider end-session page', async () => {
    const bob = (await ssoLogin(capstan.url, 'bob')).authorization!;
    const response = await fetch(`${capstan.url}/api/capstan/v1/logout`, { method: 'POST', headers: { cookie: `authorization=${encodeURIComponent(bob)}` } });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join()).toMatch(/authorization=;.*Max-Age=0/);
    const { redirect } = await response.json();
    expect(redirect).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(new URL(redirect).searchParams.get('post_logout_redirect_uri')).toBe(`${capstan.url}/login`);
    const after = await get(`/api/v1/workflows/${teamA}`, bob);
    expect(after.status).toBe(401);
    expect((await after.json()).message).toMatch(/logged out/);
  });

  it('expires after sessionExpiry', async () => {
    const alice = (await ssoLogin(capstan.url, 'alice')).authorization!;
    expect((await get(`/api/v1/workflows/${teamA}`, alice)).status).toBe(200);
    await new Promise((r) => setTimeout(r, (sessionExpirySeconds + 2) * 1000));
    const expired = await get(`/api/v1/workflows/${teamA}`, alice);
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toMatch(/expired/);
  }, 120_000);
});
