import { evaluateBool, toValue, type ValueMap } from '../expr';

export const rbacRuleAnnotation = 'workflows.argoproj.io/rbac-rule';
export const rbacRulePrecedenceAnnotation = 'workflows.argoproj.io/rbac-rule-precedence';
export const serviceAccountTokenNameAnnotation = 'workflows.argoproj.io/service-account-token.name';

/** What an SSO session knows about its user (argo-server's types.Claims, as its JSON names them). */
export interface SsoClaims {
  iss: string;
  sub: string;
  /** Seconds since the epoch. */
  exp: number;
  groups: string[];
  email: string;
  email_verified: boolean;
  name: string;
  preferred_username: string;
  service_account_name?: string;
  service_account_namespace?: string;
}

/** The parts of a ServiceAccount the RBAC rules read. */
export interface RuleServiceAccount {
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  secrets?: { name?: string }[];
}

export class RbacRuleError extends Error {}

function precedence(account: RuleServiceAccount): number {
  const value = Number.parseInt(account.metadata.annotations?.[rbacRulePrecedenceAnnotation] ?? '', 10);
  return Number.isNaN(value) ? 0 : value;
}

/**
 * What a rule sees: the claims by their JSON names, as argo-server hands them to expr. Every name is present (empty
 * when the provider gave none), so `"admins" in groups` is false for a user without groups instead of an error.
 */
export function ruleEnvironment(claims: SsoClaims): ValueMap {
  return toValue({
    iss: claims.iss,
    sub: claims.sub,
    exp: claims.exp,
    groups: claims.groups,
    email: claims.email,
    email_verified: claims.email_verified,
    name: claims.name,
    preferred_username: claims.preferred_username,
    service_account_name: claims.service_account_name ?? '',
    service_account_namespace: claims.service_account_namespace ?? '',
  }) as ValueMap;
}

/**
 * The ServiceAccount an SSO user acts as in one namespace, as argo-server's getServiceAccount: among the accounts
 * with an `rbac-rule` annotation, highest `rbac-rule-precedence` first, the first whose rule holds for the claims.
 * Undefined when none matches; a rule that does not evaluate throws RbacRuleError naming the account.
 */
export function matchServiceAccount<T extends RuleServiceAccount>(claims: SsoClaims, accounts: readonly T[]): T | undefined {
  const env = ruleEnvironment(claims);
  const candidates = accounts
    .filter((account) => account.metadata.annotations?.[rbacRuleAnnotation] !== undefined)
    .map((account, index) => ({ account, index }))
    .sort((a, b) => precedence(b.account) - precedence(a.account) || a.index - b.index);
  for (const { account } of candidates) {
    const rule = account.metadata.annotations![rbacRuleAnnotation]!;
    let allowed: boolean;
    try {
      allowed = evaluateBool(rule, env);
    } catch (error) {
      throw new RbacRuleError(`rbac-rule of ServiceAccount ${account.metadata.namespace ?? ''}/${account.metadata.name} does not evaluate: ${(error as Error).message}`);
    }
    if (allowed) return account;
  }
  return undefined;
}

/**
 * argo-server's rbacAuthorization: the account matched in the SSO namespace, unless namespace delegation is on
 * (SSO_DELEGATE_RBAC_TO_NAMESPACE=true, not `--namespaced`) and the request names another namespace whose matching
 * account has a higher precedence (or there is no login account). Undefined: no rule matches, the request is denied.
 */
export function chooseServiceAccount<T extends RuleServiceAccount>(
  login: T | undefined,
  delegated: T | undefined,
): { account: T; delegated: boolean } | undefined {
  if (delegated && (!login || precedence(delegated) > precedence(login))) return { account: delegated, delegated: true };
  return login ? { account: login, delegated: false } : undefined;
}

/** The Secret holding an account's token, as argo-server's TokenNameForServiceAccount. */
export function tokenSecretName(account: RuleServiceAccount): string {
  const listed = account.secrets?.[0]?.name;
  if (listed) return listed;
  return account.metadata.annotations?.[serviceAccountTokenNameAnnotation] ?? `${account.metadata.name}.service-account-token`;
}

/** Whether the request's namespace is to be judged by that namespace's own accounts (namespace delegation). */
export function delegatesTo(requestNamespace: string | undefined, ssoNamespace: string, delegationOn: boolean): string | undefined {
  if (!delegationOn || !requestNamespace || requestNamespace === ssoNamespace) return undefined;
  return requestNamespace;
}
