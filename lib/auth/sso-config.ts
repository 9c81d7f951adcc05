import { parseDurationSeconds } from '../engine/duration';

/** A key of a Secret, as the ConfigMap names it (`clientId: {name: argo-server-sso, key: client-id}`). */
export interface SecretKeyRef {
  name: string;
  key: string;
}

/** The `sso:` block of Argo's workflow-controller-configmap, with Argo's defaults applied. */
export interface SsoConfig {
  issuer: string;
  /** Some providers (Azure) publish a discovery document whose issuer differs from the configured URL. */
  issuerAlias?: string;
  clientId: SecretKeyRef;
  clientSecret: SecretKeyRef;
  /** Where the provider sends the browser back; empty: derived from the request and BASE_HREF, as argo-server. */
  redirectUrl: string;
  /** Scopes asked for, `openid` always among them. */
  scopes: string[];
  sessionExpirySeconds: number;
  customGroupClaimName?: string;
  userInfoPath?: string;
  insecureSkipVerify: boolean;
  filterGroupsRegex: RegExp[];
  rootCA?: string;
  /** `rbac.enabled`: map users to ServiceAccounts by their `workflows.argoproj.io/rbac-rule` annotations. */
  rbacEnabled: boolean;
}

export class SsoConfigError extends Error {}

/** argo-server's default session length (SSOConfig.GetSessionExpiry). */
const defaultSessionExpirySeconds = 10 * 3600;

function secretRef(value: unknown, field: string): SecretKeyRef {
  const ref = (value ?? {}) as Partial<SecretKeyRef>;
  if (typeof ref.name !== 'string' || ref.name === '' || typeof ref.key !== 'string' || ref.key === '') {
    throw new SsoConfigError(`sso.${field}: give the Secret holding it, e.g. {name: argo-server-sso, key: ${field === 'clientId' ? 'client-id' : 'client-secret'}}`);
  }
  return { name: ref.name, key: ref.key };
}

function strings(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new SsoConfigError(`sso.${field}: expected a list of strings`);
  return value as string[];
}

/**
 * Reads the `sso` value of the controller ConfigMap (already parsed from YAML) the way argo-server's sso.New does,
 * so an existing ConfigMap works unchanged. Throws SsoConfigError naming the field at fault.
 */
export function parseSsoConfig(raw: unknown): SsoConfig {
  if (!raw || typeof raw !== 'object') throw new SsoConfigError('sso: missing from the controller ConfigMap (issuer, clientId, clientSecret, redirectUrl)');
  const sso = raw as Record<string, unknown>;
  if (typeof sso.issuer !== 'string' || sso.issuer === '') throw new SsoConfigError('sso.issuer: empty; give the OIDC issuer URL');
  let sessionExpirySeconds = defaultSessionExpirySeconds;
  if (sso.sessionExpiry !== undefined && sso.sessionExpiry !== '') {
    try {
      sessionExpirySeconds = parseDurationSeconds(String(sso.sessionExpiry));
    } catch {
      throw new SsoConfigError(`sso.sessionExpiry: "${String(sso.sessionExpiry)}" is not a duration such as 10h or 30m`);
    }
    if (sessionExpirySeconds <= 0) sessionExpirySeconds = defaultSessionExpirySeconds;
  }
  const filterGroupsRegex = strings(sso.filterGroupsRegex, 'filterGroupsRegex').map((source) => {
    try {
      return new RegExp(source);
    } catch (error) {
      throw new SsoConfigError(`sso.filterGroupsRegex: "${source}" is not a regular expression: ${(error as Error).message}`);
    }
  });
  const scopes = strings(sso.scopes, 'scopes');
  const rbac = (sso.rbac ?? {}) as { enabled?: unknown };
  return {
    issuer: sso.issuer,
    ...(typeof sso.issuerAlias === 'string' && sso.issuerAlias ? { issuerAlias: sso.issuerAlias } : {}),
    clientId: secretRef(sso.clientId, 'clientId'),
    clientSecret: secretRef(sso.clientSecret, 'clientSecret'),
    redirectUrl: typeof sso.redirectUrl === 'string' ? sso.redirectUrl : '',
    scopes: scopes.includes('openid') ? scopes : [...scopes, 'openid'],
    sessionExpirySeconds,
    ...(typeof sso.customGroupClaimName === 'string' && sso.customGroupClaimName ? { customGroupClaimName: sso.customGroupClaimName } : {}),
    ...(typeof sso.userInfoPath === 'string' && sso.userInfoPath ? { userInfoPath: sso.userInfoPath } : {}),
    insecureSkipVerify: sso.insecureSkipVerify === true || sso.insecureSkipVerify === 'true',
    filterGroupsRegex,
    ...(typeof sso.rootCA === 'string' && sso.rootCA ? { rootCA: sso.rootCA } : {}),
    rbacEnabled: rbac.enabled === true || rbac.enabled === 'true',
  };
}

/**
 * The callback URL the provider must send the browser back to: the configured `redirectUrl`, else (as argo-server)
 * built from the request's scheme and host and BASE_HREF, e.g. `https://portal.example/argo/oauth2/callback`.
 */
export function callbackUrl(config: Pick<SsoConfig, 'redirectUrl'>, request: { host: string; tls: boolean }, baseHref: string): string {
  if (config.redirectUrl) return config.redirectUrl;
  return `${request.tls ? 'https' : 'http'}://${request.host}${baseHref}oauth2/callback`;
}

/** The groups a session keeps: the provider's, narrowed to those matching one of `filterGroupsRegex` when given. */
export function filterGroups(groups: readonly string[], filters: readonly RegExp[]): string[] {
  if (filters.length === 0) return [...groups];
  return groups.filter((group) => filters.some((filter) => filter.test(group)));
}

/** The groups claim: `groups`, or the custom claim when `customGroupClaimName` is set (a list of strings, else none). */
export function groupsFromClaims(claims: Record<string, unknown>, customGroupClaimName?: string): string[] {
  const value = claims[customGroupClaimName ?? 'groups'];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}
