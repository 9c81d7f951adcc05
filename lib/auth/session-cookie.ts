/**
 * The `authorization` cookie a login sets (argo-server's cookie name, so `readAuthorization` reads it like a header).
 *
 * Over TLS it is `SameSite=None; Secure; Partitioned`: the only way a cookie reaches Capstan inside a portal's
 * cross-site iframe (Lax cookies are not sent there), kept in the portal's partition (CHIPS) so browsers that block
 * third-party cookies still send it. Without TLS, browsers refuse `SameSite=None`, so it is `Lax` and framing across
 * sites needs TLS (docs/embedding.md). HttpOnly always; the path is the base path, so other apps on the portal's
 * host never receive it.
 */
export function authorizationCookie(value: string, options: { baseHref: string; tls: boolean; clear?: boolean; maxAgeSeconds?: number }): string {
  return capstanCookie('authorization', value, options);
}

/** Any cookie Capstan sets (the login in progress, the session), with the attributes `authorizationCookie` explains. */
export function capstanCookie(name: string, value: string, options: { baseHref: string; tls: boolean; clear?: boolean; maxAgeSeconds?: number }): string {
  const attributes = [
    `${name}=${options.clear ? '' : encodeURIComponent(value)}`,
    `Path=${options.baseHref}`,
    'HttpOnly',
    ...(options.tls ? ['SameSite=None', 'Secure', 'Partitioned'] : ['SameSite=Lax']),
    ...(options.clear ? ['Max-Age=0'] : options.maxAgeSeconds !== undefined ? [`Max-Age=${options.maxAgeSeconds}`] : []),
  ];
  return attributes.join('; ');
}

/** The login page's path (without the base path, for the router), coming back to `returnTo` afterwards. */
export function loginPathFor(returnTo: string): string {
  return `/login?redirect=${encodeURIComponent(safeRedirect(returnTo))}`;
}

/** Where the browser returns to after a login: a path inside Capstan (with or without the base path) under the base path. */
export function returnLocation(baseHref: string, redirect: string | null | undefined): string {
  const path = safeRedirect(redirect);
  if (baseHref !== '/' && (path.startsWith(baseHref) || path === baseHref.slice(0, -1))) return path;
  return `${baseHref.slice(0, -1)}${path}`;
}

/** A pasted token as the authorization value: `Bearer <token>` unless it already names its scheme. */
export function authorizationFromToken(token: string): string | undefined {
  const text = token.trim();
  if (text === '') return undefined;
  return /^(Bearer|Basic) /.test(text) ? text : `Bearer ${text}`;
}

/** Where to go after logging in: a path inside Capstan, never another site (`//evil`, `https://...`). */
export function safeRedirect(value: string | null | undefined): string {
  // As argo-server (after oauth2-proxy): no `//`, `/\`, `/ /`, `/./` or `/../` anywhere, which browsers may read as another host.
  if (!value || !value.startsWith('/') || /[/\\](?:\s*|\.{1,2})[/\\]/.test(value)) return '/workflows';
  return value;
}

/** Whether the browser reached Capstan over TLS: Capstan's own (Next.js sets the header from the socket) or a proxy's. */
export function reachedOverTls(headers: { get(name: string): string | null }): boolean {
  return (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}
