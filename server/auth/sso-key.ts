import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';

/** argo-server's Secret for the session key, and its key. */
export const ssoSecretName = 'sso';
const keyField = 'cookieEncryptionPrivateKey';

function newPrivateKey(): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'der' });
}

/**
 * The AES-256 key SSO sessions are encrypted with, derived as argo-server derives it (SHA-256 of the RSA key in its
 * `sso` Secret), so Capstan and argo-server replicas sharing that Secret read each other's sessions.
 */
function sessionKey(privateKeyDer: Buffer): Uint8Array {
  return new Uint8Array(createHash('sha256').update(privateKeyDer).digest());
}

/**
 * Kubernetes mode: the `sso` Secret in Capstan's namespace, created on first use (every replica then reads the
 * same one; a replica that loses the creation race reads the winner's).
 */
export async function loadKubeSessionKey(kubeConfig: KubeConfig, namespace: string): Promise<Uint8Array> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const read = async () => {
    const secret = await core.readNamespacedSecret({ name: ssoSecretName, namespace }).catch((error: { code?: number }) => {
      if (error.code === 404) return undefined;
      throw error;
    });
    const value = secret?.data?.[keyField];
    return value ? Buffer.from(value, 'base64') : undefined;
  };
  const existing = await read();
  if (existing) return sessionKey(existing);
  await core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: ssoSecretName }, data: { [keyField]: newPrivateKey().toString('base64') } },
  }).catch((error: { code?: number }) => {
    if (error.code !== 409) throw error;
  });
  const created = await read();
  if (!created) throw new Error(`cannot read Secret ${namespace}/${ssoSecretName} after creating it`);
  return sessionKey(created);
}

/** Embedded mode: the same key in a file under the data folder, readable by Capstan only. */
export async function loadFileSessionKey(path: string): Promise<Uint8Array> {
  try {
    return sessionKey(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const key = newPrivateKey();
  await writeFile(path, key, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return sessionKey(await readFile(path));
}
