import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ControllerConfig } from '@/lib/controller/controller-config';
import { parseSsoConfig, SsoConfigError, type SecretKeyRef } from '@/lib/auth/sso-config';
import type { ConfigSource } from '../artifacts/config-source';
import type { CapstanConfig } from '../config';
import type { Logger } from '../logger';
import { SsoAccounts } from './sso-accounts';
import { loadFileSessionKey, loadKubeSessionKey } from './sso-key';
import { SsoService } from './sso';

/**
 * Sets up `--auth-mode=sso` from the controller ConfigMap's `sso` block and the Secrets it names, as argo-server's
 * sso.New: a missing or wrong setting stops the start with a line naming it. The provider itself is contacted on the
 * first login, so Capstan and the provider may start in any order.
 */
export async function openSso(options: {
  config: CapstanConfig;
  kubeConfig?: KubeConfig;
  configSource: ConfigSource;
  controllerConfig: ControllerConfig;
  logger: Logger;
}): Promise<{ service: SsoService; accounts?: SsoAccounts }> {
  const { config, kubeConfig, configSource, logger } = options;
  const where = kubeConfig ? `ConfigMap ${config.namespace}/${config.configMap}` : `ConfigMap ${config.configMap} in ${join(config.dataDir, 'config')}`;
  let sso;
  try {
    sso = parseSsoConfig(options.controllerConfig.raw['sso']);
  } catch (error) {
    if (error instanceof SsoConfigError) throw new Error(`--auth-mode=sso: ${where}: ${error.message}`);
    throw error;
  }
  if (sso.rbacEnabled && !kubeConfig) {
    throw new Error(`--auth-mode=sso: ${where}: sso.rbac.enabled maps users to ServiceAccounts, which only kubernetes mode has; turn it off in embedded mode`);
  }
  const readKey = async (ref: SecretKeyRef, field: string): Promise<string> => {
    const secret = await configSource.secret(config.namespace, ref.name);
    const value = secret?.[ref.key];
    if (value === undefined) {
      throw new Error(`--auth-mode=sso: sso.${field} names key ${ref.key} of Secret ${config.namespace}/${ref.name}, which ${secret ? 'has no such key' : 'does not exist'}`);
    }
    return value.trim();
  };
  const client = { id: await readKey(sso.clientId, 'clientId'), secret: await readKey(sso.clientSecret, 'clientSecret') };
  const sessionKey = kubeConfig
    ? await loadKubeSessionKey(kubeConfig, config.namespace)
    : await loadFileSessionKey(join(config.dataDir, 'sso', 'cookie-encryption-key.der'));
  const delegation = process.env.SSO_DELEGATE_RBAC_TO_NAMESPACE === 'true';
  logger.info({ issuer: sso.issuer, redirectUrl: sso.redirectUrl || '(from the request)', scopes: sso.scopes, rbac: sso.rbacEnabled, delegation, sessionExpirySeconds: sso.sessionExpirySeconds }, 'SSO enabled');
  return {
    service: new SsoService({ config: sso, baseHref: config.baseHref, client, sessionKey, logger }),
    ...(sso.rbacEnabled && kubeConfig ? { accounts: new SsoAccounts(kubeConfig, config.namespace, delegation, logger) } : {}),
  };
}
