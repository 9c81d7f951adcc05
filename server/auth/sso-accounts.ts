import { CoreV1Api, type KubeConfig, type V1ServiceAccount } from '@kubernetes/client-node';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { chooseServiceAccount, delegatesTo, matchServiceAccount, RbacRuleError, type RuleServiceAccount, type SsoClaims, tokenSecretName } from '@/lib/auth/sso-rbac';
import type { Logger } from '../logger';

// argo-server reads these through an informer cache; a short-lived cache does the same job per replica: a new
// annotation or token applies within a few seconds, and a burst of requests costs one list.
const cacheMs = 5_000;

type Account = RuleServiceAccount & V1ServiceAccount;

/** SSO RBAC: which ServiceAccount an SSO user acts as, and that account's token (docs/sso.md). */
export class SsoAccounts {
  private readonly core: CoreV1Api;
  private readonly accounts = new Map<string, { at: number; list: Promise<Account[]> }>();
  private readonly tokens = new Map<string, { at: number; token: Promise<string | undefined> }>();

  constructor(kubeConfig: KubeConfig, private readonly ssoNamespace: string, private readonly delegation: boolean, private readonly logger: Logger) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  private list(namespace: string): Promise<Account[]> {
    const cached = this.accounts.get(namespace);
    if (cached && Date.now() - cached.at < cacheMs) return cached.list;
    const list = this.core.listNamespacedServiceAccount({ namespace }).then((r) => r.items.map((item) => ({
      ...item, metadata: { ...item.metadata, name: item.metadata?.name ?? '', namespace: item.metadata?.namespace ?? namespace },
    }) as Account));
    list.catch(() => this.accounts.delete(namespace));
    this.accounts.set(namespace, { at: Date.now(), list });
    return list;
  }

  private token(account: Account): Promise<string | undefined> {
    const namespace = account.metadata.namespace ?? this.ssoNamespace;
    const name = tokenSecretName(account);
    const key = `${namespace}/${name}`;
    const cached = this.tokens.get(key);
    if (cached && Date.now() - cached.at < cacheMs) return cached.token;
    const token = this.core.readNamespacedSecret({ namespace, name })
      .then((secret) => (secret.data?.token ? Buffer.from(secret.data.token, 'base64').toString('utf8') : undefined))
      .catch((error: { code?: number }) => {
        if (error.code === 404) return undefined;
        this.tokens.delete(key);
        throw error;
      });
    this.tokens.set(key, { at: Date.now(), token });
    return token;
  }

  /**
   * The bearer token to serve an SSO user's request with, as argo-server's rbacAuthorization: the account matched in
   * Capstan's namespace, or with SSO_DELEGATE_RBAC_TO_NAMESPACE the request namespace's own when its precedence is
   * higher. PermissionDenied `not allowed` when no rule matches, as argo-server answers.
   */
  async tokenFor(claims: SsoClaims, requestNamespace: string | undefined): Promise<{ token: string; account: Account; delegated: boolean }> {
    const deny = (reason: string, error?: unknown): never => {
      this.logger.info({ err: error, subject: claims.sub, email: claims.email, groups: claims.groups }, `SSO RBAC: ${reason}`);
      throw new ApiError(GrpcCode.PermissionDenied, 'not allowed');
    };
    let login: Account | undefined;
    let delegated: Account | undefined;
    try {
      login = matchServiceAccount(claims, await this.list(this.ssoNamespace));
      const other = delegatesTo(requestNamespace, this.ssoNamespace, this.delegation);
      if (other) delegated = matchServiceAccount(claims, await this.list(other).catch(() => []));
    } catch (error) {
      if (error instanceof RbacRuleError) return deny(error.message, error);
      throw error;
    }
    const chosen = chooseServiceAccount(login, delegated);
    if (!chosen) return deny('no service account rule matches');
    const token = await this.token(chosen.account);
    if (!token) {
      const where = `${chosen.account.metadata.namespace}/${tokenSecretName(chosen.account)}`;
      this.logger.error(`SSO RBAC: ServiceAccount ${chosen.account.metadata.namespace}/${chosen.account.metadata.name} has no token in Secret ${where}`);
      throw new ApiError(GrpcCode.PermissionDenied, `not allowed: the ServiceAccount ${chosen.account.metadata.name} matched but its token Secret ${where} is missing (see docs/sso.md)`);
    }
    return { token, ...chosen };
  }
}
