#!/usr/bin/env node
/* global URL, URLSearchParams, console, process -- a Node script */
// The test bed's OpenID Connect provider: `oidc-provider` (a certified OpenID Provider implementation, npm), with a
// few users and groups for the SSO tests (docs/sso.md). Not a mock: discovery, the authorization code flow with
// PKCE, signed ID tokens, userinfo and RP-initiated logout are the library's own.
//
//   OIDC_PORT=5556 node scripts/test-bed/oidc-provider.mjs            # http://localhost:5556
//   OIDC_TLS_CERT=crt.pem OIDC_TLS_KEY=key.pem ... oidc-provider.mjs  # https (needed inside a cross-site iframe)
//
// Client: OIDC_CLIENT_ID (capstan) / OIDC_CLIENT_SECRET (capstan-secret). Any redirect URI ending in
// /oauth2/callback and any post-logout URI on localhost or 127.0.0.1 is accepted, so a test may run Capstan on
// any port and under any base path. Users (password: <name>-password):
//   alice  groups admins, everyone     bob  groups team-a, everyone     carol  groups contractors
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 5556);
const tls = process.env.OIDC_TLS_CERT && process.env.OIDC_TLS_KEY
  ? { cert: readFileSync(process.env.OIDC_TLS_CERT), key: readFileSync(process.env.OIDC_TLS_KEY) }
  : undefined;
const host = process.env.OIDC_HOST ?? 'localhost';
const issuer = `${tls ? 'https' : 'http'}://${host}:${port}`;
const clientId = process.env.OIDC_CLIENT_ID ?? 'capstan';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'capstan-secret';

export const users = {
  alice: { name: 'Alice Admin', email: 'alice@example.com', groups: ['admins', 'everyone'] },
  bob: { name: 'Bob Builder', email: 'bob@example.com', groups: ['team-a', 'everyone'] },
  carol: { name: 'Carol Contractor', email: 'carol@example.com', groups: ['contractors'] },
};

const local = (uri) => {
  try {
    const url = new URL(uri);
    return ['localhost', '127.0.0.1'].includes(url.hostname);
  } catch {
    return false;
  }
};

// Over TLS the provider's cookies must reach it inside a portal's cross-site iframe, as Capstan's do: SameSite=None,
// Secure, and Partitioned (CHIPS), without which Chromium drops them as third-party cookies.
const cookieOptions = tls ? { httpOnly: true, sameSite: 'none', secure: true, partitioned: true } : { httpOnly: true, sameSite: 'lax' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: ['http://localhost/oauth2/callback'],
    post_logout_redirect_uris: ['http://localhost/login'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  async findAccount(_ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return {
      accountId: id,
      claims: async () => ({ sub: id, name: user.name, preferred_username: id, email: user.email, email_verified: true, groups: user.groups }),
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // argo-server reads the groups from the ID token, as Dex puts them there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['capstan-test-bed-oidc'], long: cookieOptions, short: cookieOptions },
  // First-party client: no consent screen, every requested scope granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const found = await ctx.oidc.provider.Grant.find(grantId);
      if (found) return found;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
  return local(uri) && new URL(uri).pathname.endsWith('/oauth2/callback');
};
provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(uri) {
  return local(uri);
};

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const loginPage = (uid, error) => `<!doctype html><html><head><title>Test bed sign-in</title></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto">
<h1>Test bed sign-in</h1>
${error ? `<p role="alert" style="color:#b91c1c">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">Username</label><br><input id="login" name="login" autofocus></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password"></p>
<p><button type="submit">Sign in</button></p>
</form></body></html>`;

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res) {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return false;
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') {
      // Consent is pre-granted (loadExistingGrant): finish whatever else the policy asks for.
      await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
      return true;
    }
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const login = form.get('login') ?? '';
      if (!users[login] || form.get('password') !== `${login}-password`) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, 'Unknown user or wrong password'));
        return true;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`interaction failed: ${error.message}`);
  }
  return true;
}

const callback = provider.callback();
const handler = async (req, res) => {
  if (await interaction(req, res)) return;
  callback(req, res);
};
const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
server.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening: issuer ${issuer}, client ${clientId}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
