/**
 * The `authorization` cookie a login sets (argo-server's cookie name, so `readAuthorization` reads it like a header).
 *
 * Over TLS it is `SameSite=None; Secure; Partitioned`: the only way a cookie reaches Capstan inside a portal's
 * cross-site iframe (Lax cookies are not sent there), kept in the portal's partition (CHIPS) so browsers that block
 * third-party cookies still send it. Without TLS, browsers refuse `SameSite=None`, so it is `Lax` and framing across
 * sites needs TLS (docs/embedding.md). HttpOnly always; the path is the base path, so other apps on the portal's
 * host never receive it.
 */
export function authorizationCookie(value: string, options: { baseHref: string; tls: boolean; clear?: boolean }): string {
  const attributes = [
    `authorization=${options.clear ? '' : encodeURIComponent(value)}`,
    `Path=${options.baseHref}`,
    'HttpOnly',
    ...(options.tls ? ['SameSite=None', 'Secure', 'Partitioned'] : ['SameSite=Lax']),
    ...(options.clear ? ['Max-Age=0'] : []),
  ];
  return attributes.join('; ');
}

/** A pasted token as the authorization value: `Bearer <token>` unless it already names its scheme. */
export function authorizationFromToken(token: string): string | undefined {
  const text = token.trim();
  if (text === '') return undefined;
  return /^(Bearer|Basic) /.test(text) ? text : `Bearer ${text}`;
}

/** Where to go after logging in: a path inside Capstan, never another site (`//evil`, `https://...`). */
export function safeRedirect(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/workflows';
  return value;
}

/** Whether the browser reached Capstan over TLS: Capstan's own (Next.js sets the header from the socket) or a proxy's. */
export function reachedOverTls(headers: { get(name: string): string | null }): boolean {
  return (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}
