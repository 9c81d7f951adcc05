import type { Artifact, ArtifactLocation } from '@/lib/generated/argo';

// Artifact checks shared by inputs, outputs and archive locations.

/** Go's filepath.Clean for slash-separated paths. */
export function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Why an artifact's path is unusable (missing, or escaping its directory with `..`), as Argo's CleanPath. */
export function checkArtifactPath(artifact: Artifact): string | undefined {
  const path = artifact.path ?? '';
  if (path === '') return `artifact '${artifact.name}' did not specify a path`;
  let safeDir = '';
  const traversal = path.indexOf('/../');
  // Argo's pattern is `/..$` with unescaped dots: a slash and any two characters at the end.
  if (traversal >= 0) safeDir = path.slice(0, traversal);
  else if (/\/..$/.test(path)) safeDir = path.slice(0, -3);
  const cleaned = cleanPath(path);
  if (safeDir.length > 0 && (!cleaned.startsWith(`${safeDir}/`) || cleaned.length <= safeDir.length + 1)) {
    return `artifact '${artifact.name}' attempted to use a path containing '..'. Directory traversal is not permitted`;
  }
  return undefined;
}

/** The first problem with an artifact location, and the field it is in (Argo checks git and HDFS only). */
export function checkArtifactLocation(location: ArtifactLocation): { field: string; message: string } | undefined {
  if (location.git != null && !location.git.repo) return { field: 'git.repo', message: 'git.repo is required' };
  const hdfs = location.hdfs;
  if (hdfs == null) return undefined;
  if ((hdfs.addresses ?? []).length === 0) return { field: 'hdfs.addresses', message: 'hdfs.addresses is required' };
  if (!hdfs.path) return { field: 'hdfs.path', message: 'hdfs.path is required' };
  if (!hdfs.path.startsWith('/')) return { field: 'hdfs.path', message: 'hdfs.path must be an absolute file path' };
  const ccache = hdfs.krbCCacheSecret != null;
  const keytab = hdfs.krbKeytabSecret != null;
  if (!hdfs.hdfsUser && !ccache && !keytab) {
    return { field: 'hdfs', message: 'either hdfs.hdfsUser, hdfs.krbCCacheSecret or hdfs.krbKeytabSecret is required' };
  }
  if (keytab && (!hdfs.krbServicePrincipalName || hdfs.krbConfigConfigMap == null || !hdfs.krbUsername || !hdfs.krbRealm)) {
    return { field: 'hdfs', message: 'hdfs.krbServicePrincipalName, krbConfigConfigMap, krbUsername and krbRealm are required with hdfs.krbKeytabSecret' };
  }
  if (ccache && (!hdfs.krbServicePrincipalName || hdfs.krbConfigConfigMap == null)) {
    return { field: 'hdfs', message: 'hdfs.krbServicePrincipalName and krbConfigConfigMap are required with hdfs.krbCCacheSecret' };
  }
  return undefined;
}
