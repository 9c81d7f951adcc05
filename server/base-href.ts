/**
 * The base path, chosen when Capstan starts (see docs/embedding.md).
 *
 * `next build` runs with a placeholder basePath; at start the build is copied with the placeholder replaced by
 * BASE_HREF (server/next-base-path.ts), so Next.js routes, links, assets and redirects all carry the real prefix.
 * These are the pure parts: the placeholder, Next's basePath for a BASE_HREF, and the path mapping that lets a
 * proxy either strip the prefix (Istio's `rewrite: {uri: /}`) or pass it through.
 */

/** The basePath every production build is made with; long and odd so it never matches anything real. */
export const basePathPlaceholder = '/__capstan_base_path__';

/** Next.js's basePath for a BASE_HREF: `/argo/` is `/argo`, `/` is the empty string. */
export function nextBasePath(baseHref: string): string {
  return baseHref === '/' ? '' : baseHref.slice(0, -1);
}

/**
 * The path Next.js must see for an incoming request path, whether or not the proxy stripped the prefix:
 * `/workflows` and `/argo/workflows` both become `/argo/workflows`; `/`, `/argo` and `/argo/` become `/argo`
 * (never redirected to `/argo`, which a proxy matching the prefix `/argo/` would not route back to Capstan).
 */
export function toNextPath(url: string, baseHref: string): string {
  if (baseHref === '/') return url;
  const prefix = nextBasePath(baseHref);
  const queryAt = url.search(/[?#]/);
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  if (path === prefix || path === `${prefix}/`) return `${prefix}${query}`;
  if (path.startsWith(`${prefix}/`)) return url;
  if (path === '/' || path === '') return `${prefix}${query}`;
  return `${prefix}${path.startsWith('/') ? '' : '/'}${path}${query}`;
}

/** Replaces the build's placeholder basePath in one text file of the build with the real one. */
export function replaceBasePath(text: string, basePath: string): string {
  return text.split(basePathPlaceholder).join(basePath);
}

/**
 * Next adds a redirect from `<basePath>/` to `<basePath>` to every build with a basePath. Served at the root
 * it would read `/` to the empty path, a redirect loop, so it goes. Applied to routes-manifest.json.
 */
export function fixRoutesManifest(manifest: { redirects?: { source: string }[] }, basePath: string): void {
  if (basePath === '' && manifest.redirects) manifest.redirects = manifest.redirects.filter((r) => r.source !== '/');
}

/** An absolute URL path under the base: `withBaseHref('/argo/', 'api/v1/x')` is `/argo/api/v1/x`. */
export function withBaseHref(baseHref: string, path: string): string {
  return `${baseHref}${path.replace(/^\/+/, '')}`;
}
