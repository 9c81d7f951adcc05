import { randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as oidc from 'openid-client';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { readCookie } from '@/lib/auth/credential';
import { capstanCookie, reachedOverTls, returnLocation } from '@/lib/auth/session-cookie';
import { callbackUrl, filterGroups, groupsFromClaims, type SsoConfig } from '@/lib/auth/sso-config';
import type { SsoClaims } from '@/lib/auth/sso-rbac';
import type { Logger } from '../logger';
import { fetchWithTls } from './tls-fetch';

/** argo-server's prefix for an SSO session in the `authorization` cookie or header. */
export const ssoPrefix = 'Bearer v2:';
/** The issuer of the sessions Capstan mints, argo-server's. */
const sessionIssuer = 'argo-server';
/** The cookie holding a login in progress (state, nonce, PKCE verifier, where to return); as Argo, 3 minutes. */
const stateCookie = 'oauth2-state';
const stateSeconds = 180;

export interface SsoServiceOptions {
  config: SsoConfig;
  baseHref: string;
  /** The OIDC client's id and secret, read from the Secrets `sso.clientId` / `sso.clientSecret` name. */
  client: { id: string; secret: string };
  /** The AES-256 key sessions are encrypted with (server/auth/sso-key.ts). */
  sessionKey: Uint8Array;
  logger: Logger;
}

/** Where the browser came from, as a proxy in front of Capstan tells it. */
export interface BrowserRequest {
  url: string;
  headers: { get(name: string): string | null };
}

function browserHost(request: BrowserRequest): string {
  return request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
}

/**
 * SSO as argo-server's `--auth-mode=sso`: `/oauth2/redirect` sends the browser to the OIDC provider, `/oauth2/callback`
 * exchanges the code, verifies the ID token and sets the `authorization` cookie to `Bearer v2:<session>`, an encrypted
 * JWT (dir + A256GCM, as argo-server's) holding the user's claims and groups until `sessionExpiry`. Logging out
 * revokes the session on this replica and clears the cookie (and ends the provider's session when it supports that).
 */
export class SsoService {
  private provider?: Promise<oidc.Configuration>;
  /** Sessions logged out before they expire: their id and expiry (seconds). */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly options: SsoServiceOptions) {}

  get rbacEnabled(): boolean {
    return this.options.config.rbacEnabled;
  }

  get sessionExpirySeconds(): number {
    return this.options.config.sessionExpirySeconds;
  }

  /** The provider's discovery document, fetched on first use and again after a failure. */
  private discover(): Promise<oidc.Configuration> {
    if (!this.provider) {
      const { config, client } = this.options;
      const customFetch = fetchWithTls({ ca: config.rootCA, insecureSkipVerify: config.insecureSkipVerify });
      const issuer = new URL(config.issuerAlias ?? config.issuer);
      this.provider = oidc.discovery(issuer, client.id, { client_secret: client.secret }, undefined, {
        [oidc.customFetch]: customFetch,
        ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      }).then((provider) => {
        // argo-server's Go client sends the secret with HTTP Basic when the provider allows it, else in the body.
        const methods = provider.serverMetadata().token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
        if (methods.includes('client_secret_basic')) {
          const basic = new oidc.Configuration(provider.serverMetadata(), client.id, { client_secret: client.secret }, oidc.ClientSecretBasic(client.secret));
          basic[oidc.customFetch] = customFetch;
          if (issuer.protocol === 'http:') oidc.allowInsecureRequests(basic);
          return basic;
        }
        return provider;
      }).catch((error: unknown) => {
        this.provider = undefined;
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new ApiError(GrpcCode.Unavailable, `cannot reach the SSO provider ${config.issuer}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
      });
    }
    return this.provider;
  }

  private cookie(name: string, value: string, request: BrowserRequest, maxAge: number | 'clear'): string {
    const tls = reachedOverTls(request.headers);
    return capstanCookie(name, value, { baseHref: this.options.baseHref, tls, ...(maxAge === 'clear' ? { clear: true } : { maxAgeSeconds: maxAge }) });
  }

  private async seal(payload: Record<string, unknown>, seconds: number): Promise<string> {
    return new EncryptJWT(payload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuer(sessionIssuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
      .encrypt(this.options.sessionKey);
  }

  private async open(token: string): Promise<Record<string, unknown>> {
    const { payload } = await jwtDecrypt(token, this.options.sessionKey, { issuer: sessionIssuer, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return payload as Record<string, unknown>;
  }

  /** `GET /oauth2/redirect?redirect=/workflows/...`: to the provider's login page, remembering where to return. */
  async redirect(request: BrowserRequest): Promise<Response> {
    const provider = await this.discover();
    const requested = new URL(request.url).searchParams.get('redirect');
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const redirectUri = callbackUrl(this.options.config, { host: browserHost(request), tls: reachedOverTls(request.headers) }, this.options.baseHref);
    const target = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: this.options.config.scopes.join(' '),
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const sealed = await this.seal({ state, nonce, verifier, redirectUri, redirect: requested ?? '' }, stateSeconds);
    return new Response(null, { status: 302, headers: { location: target.href, 'set-cookie': this.cookie(stateCookie, sealed, request, stateSeconds) } });
  }

  /** `GET /oauth2/callback?code=...&state=...`: verifies the provider's answer, sets the session, returns the browser. */
  async callback(request: BrowserRequest): Promise<Response> {
    const { config, baseHref, logger } = this.options;
    const clearState = this.cookie(stateCookie, '', request, 'clear');
    const fail = (status: number, message: string, error?: unknown) => {
      logger.warn({ err: error }, `SSO callback: ${message}`);
      return new Response(JSON.stringify({ code: status === 400 ? GrpcCode.InvalidArgument : GrpcCode.Unauthenticated, message }), {
        status, headers: { 'content-type': 'application/json', 'set-cookie': clearState },
      });
    };
    const url = new URL(request.url);
    const providerError = url.searchParams.get('error');
    if (providerError) return fail(401, `the SSO provider refused the login: ${providerError}${url.searchParams.get('error_description') ? `: ${url.searchParams.get('error_description')}` : ''}`);
    const sealed = readCookie(request.headers.get('cookie'), stateCookie);
    if (!sealed) return fail(400, 'no login in progress (the state cookie is missing or expired): start again from the login page');
    let login: { state: string; nonce: string; verifier: string; redirectUri: string; redirect: string };
    try {
      login = (await this.open(sealed)) as typeof login;
    } catch (error) {
      return fail(400, 'the login state is not valid: start again from the login page', error);
    }
    const provider = await this.discover();
    // The callback as the provider saw it (behind a proxy Capstan's own URL differs), with the provider's answer.
    const current = new URL(login.redirectUri);
    url.searchParams.forEach((value, key) => current.searchParams.set(key, value));
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(provider, current, { expectedState: login.state, expectedNonce: login.nonce, pkceCodeVerifier: login.verifier, idTokenExpected: true });
    } catch (error) {
      return fail(401, `the SSO login could not be verified: ${(error as Error).message}`, error);
    }
    const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
    let groups = groupsFromClaims(idClaims, config.customGroupClaimName);
    if (config.userInfoPath) {
      try {
        groups = await this.userInfoGroups(tokens.access_token);
      } catch (error) {
        return fail(401, `cannot read the groups from ${config.issuer}${config.userInfoPath}: ${(error as Error).message}`, error);
      }
    }
    groups = filterGroups(groups, config.filterGroupsRegex);
    const claims: Omit<SsoClaims, 'iss' | 'exp'> & { jti: string } = {
      jti: randomUUID(),
      sub: String(idClaims.sub ?? ''),
      groups,
      email: typeof idClaims.email === 'string' ? idClaims.email : '',
      email_verified: idClaims.email_verified === true || idClaims.email_verified === 'true',
      name: typeof idClaims.name === 'string' ? idClaims.name : '',
      preferred_username: typeof idClaims.preferred_username === 'string' ? idClaims.preferred_username : '',
    };
    const session = await this.seal(claims, config.sessionExpirySeconds);
    logger.info({ subject: claims.sub, email: claims.email, groups }, 'SSO login');
    const headers = new Headers({ location: returnLocation(baseHref, login.redirect) });
    headers.append('set-cookie', clearState);
    headers.append('set-cookie', this.cookie('authorization', `${ssoPrefix}${session}`, request, config.sessionExpirySeconds));
    return new Response(null, { status: 302, headers });
  }

  /** Okta and the like give groups only from the user-info endpoint (`sso.userInfoPath`, read as argo-server does). */
  private async userInfoGroups(accessToken: string): Promise<string[]> {
    const { config } = this.options;
    const response = await fetchWithTls({ ca: config.rootCA, insecureSkipVerify: config.insecureSkipVerify })(`${config.issuer}${config.userInfoPath}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return groupsFromClaims((await response.json()) as Record<string, unknown>);
  }

  /** The claims of a `v2:` session; Unauthenticated when it is not one of ours, has expired or was logged out. */
  async authorize(token: string): Promise<SsoClaims & { jti?: string }> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.open(token.replace(/^v2:/, ''));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ApiError(GrpcCode.Unauthenticated, code === 'ERR_JWT_EXPIRED' ? 'the SSO session has expired: log in again' : 'the SSO session is not valid: log in again');
    }
    const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
    if (jti && this.revoked.has(jti)) throw new ApiError(GrpcCode.Unauthenticated, 'the SSO session was logged out: log in again');
    return {
      iss: String(payload.iss ?? ''),
      sub: String(payload.sub ?? ''),
      exp: Number(payload.exp ?? 0),
      groups: Array.isArray(payload.groups) ? payload.groups.filter((g): g is string => typeof g === 'string') : [],
      email: typeof payload.email === 'string' ? payload.email : '',
      email_verified: payload.email_verified === true,
      name: typeof payload.name === 'string' ? payload.name : '',
      preferred_username: typeof payload.preferred_username === 'string' ? payload.preferred_username : '',
      ...(jti ? { jti } : {}),
    };
  }

  /**
   * Ends a session: it no longer authenticates on this replica, and the reply tells the browser where to go next, the
   * provider's end-session page when it has one (so the next login asks again), else Capstan's login page.
   */
  async logout(token: string | undefined, request: BrowserRequest): Promise<{ location: string }> {
    const now = Math.floor(Date.now() / 1000);
    for (const [id, exp] of this.revoked) if (exp < now) this.revoked.delete(id);
    if (token) {
      const claims = await this.authorize(token).catch(() => undefined);
      if (claims?.jti) this.revoked.set(claims.jti, claims.exp);
    }
    const loginPage = `${this.options.baseHref}login`;
    try {
      const provider = await this.discover();
      if (!provider.serverMetadata().end_session_endpoint) return { location: loginPage };
      const origin = `${reachedOverTls(request.headers) ? 'https' : 'http'}://${browserHost(request)}`;
      return { location: oidc.buildEndSessionUrl(provider, { post_logout_redirect_uri: `${origin}${loginPage}`, client_id: this.options.client.id }).href };
    } catch {
      return { location: loginPage };
    }
  }
}
