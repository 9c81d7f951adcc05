import type { ArtifactLocation } from '@/lib/generated/argo';

// Argo's ArtifactLocation.Get picks the first configured store in this order; only that one counts.
const stores = ['artifactory', 'azure', 'git', 'gcs', 'hdfs', 'http', 'oss', 'raw', 's3', 'plugin'] as const;

type Store = (typeof stores)[number];

function urlPath(url: string): string {
  const withoutQuery = url.split(/[?#]/, 1)[0] ?? '';
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*/.exec(withoutQuery);
  return authority === null ? withoutQuery : withoutQuery.slice(authority[0].length);
}

function isFullyLocated(store: Store, location: ArtifactLocation): boolean {
  const value = location[store] as Record<string, unknown>;
  const has = (...keys: string[]) => keys.every((key) => value[key] !== undefined && value[key] !== '' && value[key] !== null);
  switch (store) {
    case 's3':
      return has('endpoint', 'bucket', 'key');
    case 'git':
      return has('repo');
    case 'artifactory':
      return has('url', 'usernameSecret');
    case 'azure':
      return has('endpoint', 'container', 'blob');
    case 'hdfs':
      return Array.isArray(value.addresses) && value.addresses.length > 0;
    case 'raw':
      return true;
    case 'http':
      return has('url');
    case 'gcs':
      return has('bucket', 'key');
    case 'oss':
      return has('bucket', 'endpoint', 'key');
    case 'plugin':
      return has('name', 'configuration', 'key');
  }
}

function getKey(store: Store, location: ArtifactLocation): string {
  const value = location[store] as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  switch (store) {
    case 's3':
    case 'gcs':
    case 'oss':
    case 'plugin':
      return text('key');
    case 'azure':
      return text('blob');
    case 'hdfs':
      return text('path');
    case 'artifactory':
    case 'http':
      return urlPath(text('url'));
    case 'git':
    case 'raw':
      return '';
  }
}

/** Whether an artifact says where it lives or at least its key (Argo's HasLocationOrKey). */
export function hasLocationOrKey(location: ArtifactLocation): boolean {
  const store = stores.find((name) => location[name] !== undefined && location[name] !== null);
  if (store === undefined) return false;
  return isFullyLocated(store, location) || getKey(store, location) !== '';
}
