import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What openid-client hands its fetch: a string, URL-encoded form or bytes as the body. */
export interface TlsFetchInit {
  method?: string;
  headers?: HeadersInit;
  body?: string | URLSearchParams | Uint8Array | ArrayBuffer | ReadableStream | null;
  signal?: AbortSignal | null;
  redirect?: string;
}
export type TlsFetch = (input: string | URL | Request, init?: TlsFetchInit) => Promise<Response>;

/**
 * A `fetch` for talking to an OIDC provider with its own TLS trust: `sso.rootCA` (a PEM the provider's certificate
 * chains to) or `sso.insecureSkipVerify`, as argo-server's SSO HTTP client. Node's global fetch takes no CA option,
 * hence this small one over node:https. Redirects are not followed (openid-client never needs them).
 */
export function fetchWithTls(options: { ca?: string; insecureSkipVerify?: boolean }): TlsFetch {
  return async (input: string | URL | Request, init?: TlsFetchInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
    if (init?.body instanceof ReadableStream) throw new TypeError('fetchWithTls: a streamed request body is not supported');
    const body = init?.body === undefined || init.body === null ? undefined : typeof init.body === 'string' || init.body instanceof Uint8Array ? init.body : init.body instanceof ArrayBuffer ? new Uint8Array(init.body) : init.body.toString();
    if (body !== undefined && !headers.has('content-length')) headers.set('content-length', String(Buffer.byteLength(body)));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, {
        method: init?.method ?? 'GET',
        headers: Object.fromEntries(headers.entries()),
        ...(url.protocol === 'https:' ? { ca: options.ca, rejectUnauthorized: !options.insecureSkipVerify } : {}),
        signal: init?.signal ?? undefined,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(key, v);
          }
          const status = res.statusCode ?? 500;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: responseHeaders }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  };
}
