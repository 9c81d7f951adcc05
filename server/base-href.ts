/**
 * Strips BASE_HREF from an incoming path, so Capstan works whether the proxy in front of it
 * passes the prefix through or rewrites it away (Istio's `rewrite: {uri: /}`).
 */
export function stripBaseHref(url: string, baseHref: string): string {
  if (baseHref === '/') return url;
  const prefix = baseHref.slice(0, -1);
  if (url === prefix) return '/';
  if (url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
    const rest = url.slice(prefix.length);
    return rest.startsWith('?') ? `/${rest}` : rest;
  }
  return url;
}
