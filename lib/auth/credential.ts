import { ApiError, GrpcCode } from '../api-error';

/** Who a request claims to be, as argo-server reads it. */
export type Credential =
  | { mode: 'server' }
  | { mode: 'client'; scheme: 'Bearer' | 'Basic'; token: string }
  | { mode: 'sso'; token: string };

/** The `authorization` value from the header, else from the cookie of that name (as the UI sends it). */
export function readAuthorization(header: string | null, cookie: string | null): string | undefined {
  if (header && header.trim() !== '') return header.trim();
  for (const part of (cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === 'authorization') {
      const value = decodeURIComponent(part.slice(at + 1).trim());
      if (value !== '') return value;
    }
  }
  return undefined;
}

/**
 * Picks the auth mode per request as argo-server does: `Bearer v2:` is an SSO session, any other Bearer or Basic
 * credential a client token, none at all the server's own identity. A mode the server was not started with is
 * refused with Unauthenticated.
 */
export function toCredential(authorization: string | undefined, allowed: readonly string[]): Credential {
  let credential: Credential;
  if (!authorization) credential = { mode: 'server' };
  else if (authorization.startsWith('Bearer v2:')) credential = { mode: 'sso', token: authorization.slice('Bearer '.length) };
  else if (authorization.startsWith('Bearer ')) credential = { mode: 'client', scheme: 'Bearer', token: authorization.slice('Bearer '.length).trim() };
  else if (authorization.startsWith('Basic ')) credential = { mode: 'client', scheme: 'Basic', token: authorization.slice('Basic '.length).trim() };
  else throw new ApiError(GrpcCode.Unauthenticated, 'token not valid: expected "Bearer <token>" or "Basic <credentials>"');
  if (!allowed.includes(credential.mode)) {
    const wanted = credential.mode === 'server' ? 'a token (this server runs with --auth-mode ' + allowed.join(',') + ')' : `auth mode ${credential.mode}, which this server does not allow`;
    throw new ApiError(GrpcCode.Unauthenticated, `token not valid: ${wanted}`);
  }
  return credential;
}
