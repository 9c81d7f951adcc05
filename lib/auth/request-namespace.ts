/** API collections whose next path segment is a namespace (`/api/v1/workflows/{namespace}/...`). */
const namespacedCollections = new Set([
  'workflows', 'workflow-templates', 'cron-workflows', 'workflow-events', 'events', 'workflow-event-bindings',
  'event-sources', 'sensors', 'tracking',
]);
/** Collections under `/api/v1/stream/` whose next segment is a namespace. */
const namespacedStreams = new Set(['events', 'event-sources', 'sensors', 'event-sources-logs', 'sensors-logs']);
/** Non-API paths with the namespace first: artifacts and badges. */
const namespacedRoots = new Set(['artifacts', 'artifact-files', 'input-artifacts', 'badge']);

/**
 * The namespace a request is about, as argo-server reads it from the request message: the path's namespace
 * segment, or `?namespace=` (archived workflows). Undefined for cluster-wide calls. Works with or without the
 * base path in front (`/argo/api/v1/...`), because a proxy may strip it or pass it through.
 */
export function requestNamespace(url: URL): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const api = segments.findIndex((s, i) => s === 'api' && (segments[i + 1] === 'v1' || segments[i + 1] === 'capstan'));
  let namespace: string | undefined;
  if (api >= 0 && segments[api + 1] === 'v1') {
    const collection = segments[api + 2];
    if (collection === 'stream' && namespacedStreams.has(segments[api + 3] ?? '')) namespace = segments[api + 4];
    else if (collection && namespacedCollections.has(collection)) namespace = segments[api + 3];
  } else if (api >= 0 && segments[api + 2] === 'v1' && segments[api + 3] === 'jobs') {
    namespace = segments[api + 5];
  } else {
    const root = segments.findIndex((s) => namespacedRoots.has(s));
    if (root >= 0) namespace = segments[root + 1];
  }
  return namespace || url.searchParams.get('namespace') || url.searchParams.get('listOptions.namespace') || undefined;
}
