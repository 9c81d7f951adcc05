import { ApiError, GrpcCode } from '../api-error';

/** Who a request claims to be, as argo-server reads it. */
export type Credential =
  | { mode: 'server' }
  | { mode: 'client'; scheme: 'Bearer' | 'Basic'; token: string }
  | { mode: 'sso'; token: string };

/** The `authorization` value from the header, else from the cookie of that name (as the UI sends it). */
export function readAuthorization(header: string | null, cookie: string | null): string | undefined {
  if (header && header.trim() !== '') return header.trim();
  return readCookie(cookie, 'authorization');
}

/** A cookie's value from a `Cookie` header; undefined when absent or empty. */
export function readCookie(cookie: string | null, name: string): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = decodeURIComponent(part.slice(at + 1).trim());
      if (value !== '') return value;
    }
  }
  return undefined;
}

/**
 * Picks the auth mode per request exactly as argo-server's Modes.GetMode: an SSO session (`Bearer v2:`) when SSO is
 * on, a client token (`Bearer`/`Basic`) when client mode is on, else the server's own identity when server mode is
 * on, whatever the header holds; otherwise the request is refused with Unauthenticated.
 */
export function toCredential(authorization: string | undefined, allowed: readonly string[]): Credential {
  const header = authorization ?? '';
  if (allowed.includes('sso') && header.startsWith('Bearer v2:')) return { mode: 'sso', token: header.slice('Bearer '.length) };
  if (allowed.includes('client')) {
    if (header.startsWith('Bearer ')) return { mode: 'client', scheme: 'Bearer', token: header.slice('Bearer '.length).trim() };
    if (header.startsWith('Basic ')) return { mode: 'client', scheme: 'Basic', token: header.slice('Basic '.length).trim() };
  }
  if (allowed.includes('server')) return { mode: 'server' };
  throw new ApiError(GrpcCode.Unauthenticated, 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/');
}
