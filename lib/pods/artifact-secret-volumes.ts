import type { ArtifactLocation, SecretKeySelector, Template, Volume, VolumeMount } from '../generated/argo';

/** Where argoexec reads an artifact store's credentials: /argo/secret/<secret name>/<key>. */
export const artifactSecretsPath = '/argo/secret';

/** The Secret keys an artifact location names (createSecretVolumesFromArtifactLocations: one store per location). */
function secretsOf(location: ArtifactLocation | undefined): (SecretKeySelector | undefined)[] {
  if (!location) return [];
  const { s3, git, artifactory, hdfs, oss, gcs, http, azure } = location;
  if (s3) {
    const sseC = s3.encryptionOptions?.enableEncryption ? s3.encryptionOptions.serverSideCustomerKeySecret : undefined;
    return [s3.accessKeySecret, s3.secretKeySecret, s3.sessionTokenSecret, sseC, s3.caSecret];
  }
  if (git) return [git.usernameSecret, git.passwordSecret, git.sshPrivateKeySecret];
  if (artifactory) return [artifactory.usernameSecret, artifactory.passwordSecret];
  if (hdfs) return [hdfs.krbCCacheSecret, hdfs.krbKeytabSecret];
  if (oss) return [oss.accessKeySecret, oss.secretKeySecret];
  if (gcs) return [gcs.serviceAccountKeySecret];
  if (http?.auth) {
    const { basicAuth, clientCert, oauth2 } = http.auth;
    return [
      basicAuth?.usernameSecret, basicAuth?.passwordSecret, clientCert?.clientCertSecret, clientCert?.clientKeySecret,
      oauth2?.clientIDSecret, oauth2?.clientSecretSecret, oauth2?.tokenURLSecret,
    ];
  }
  if (azure) return [azure.accountKeySecret];
  return [];
}

/**
 * Argo's createSecretVolumesAndMounts: every Secret the template's archive location and artifacts use becomes one
 * secret volume (holding just the keys used) that `init` and `wait` mount read-only under /argo/secret, where
 * argoexec reads credentials. Argo walks a Go map, so its order varies between pods; here it is the order of first
 * use (archive location, outputs, inputs).
 */
export function artifactSecretVolumes(template: Template): { volumes: Volume[]; mounts: VolumeMount[] } {
  const locations: (ArtifactLocation | undefined)[] = [
    template.archiveLocation, ...(template.outputs?.artifacts ?? []), ...(template.inputs?.artifacts ?? []),
  ];
  const volumes = new Map<string, Volume & { secret: { secretName: string; items: { key: string; path: string }[] } }>();
  for (const selector of locations.flatMap(secretsOf)) {
    if (!selector?.name || !selector.key) continue;
    const volume = volumes.get(selector.name) ?? { name: selector.name, secret: { secretName: selector.name, items: [] } };
    if (!volume.secret.items.some((item) => item.key === selector.key)) volume.secret.items.push({ key: selector.key, path: selector.key });
    volumes.set(selector.name, volume);
  }
  return {
    volumes: [...volumes.values()],
    mounts: [...volumes.keys()].map((name) => ({ name, mountPath: `${artifactSecretsPath}/${name}`, readOnly: true })),
  };
}
