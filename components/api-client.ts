/** An error from the API, carrying Argo's `{"code","message"}`. */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly code: number | undefined, message: string) {
    super(message);
  }
}

/**
 * The URL path of an API resource under the base path, for what cannot go through apiFetch: an EventSource
 * stream, a download link, an `<img>` badge. `apiUrl('/argo/', 'api/v1/version')` is `/argo/api/v1/version`.
 * See "Rules for UI code" in docs/embedding.md.
 */
export function apiUrl(baseHref: string, path: string): string {
  return `${baseHref}${path.replace(/^\/+/, '')}`;
}

// Early requests (see earlyRequestsScript): URL -> when it was sent and its response, taken once by apiFetch.
const earlyGlobal = '__capstanEarly';
// An early answer older than this is not used: the page took too long to start, or the user went elsewhere.
const earlyMaxAgeMs = 15_000;
type EarlyRequests = Record<string, { at: number; response: Promise<Response> } | undefined>;

/**
 * An inline script for the page's HTML that sends GET requests for the API paths the page will ask for first, while
 * its JavaScript still loads and hydrates: the first screen then waits for the slower of the two, not for both one
 * after the other. apiFetch uses such an answer once, for a plain GET of the same URL, then asks the network again.
 */
export function earlyRequestsScript(urls: string[]): string {
  // URLs come from URLSearchParams (percent-encoded); `<` is escaped anyway so nothing can close the script.
  const list = JSON.stringify(urls).replace(/</g, '\\u003c');
  return `(function(){var e=window.${earlyGlobal}=window.${earlyGlobal}||{};${list}.forEach(function(u){` +
    `e[u]={at:performance.now(),response:fetch(u,{headers:{accept:'application/json'}})}})})()`;
}

function takeEarlyResponse(url: string): Promise<Response> | undefined {
  if (typeof window === 'undefined') return undefined;
  const early = (window as unknown as Record<string, EarlyRequests | undefined>)[earlyGlobal];
  const entry = early?.[url];
  if (!entry) return undefined;
  delete early[url];
  return performance.now() - entry.at < earlyMaxAgeMs ? entry.response : undefined;
}

/** Calls Capstan's API under the base path and returns its JSON, or throws the server's message. */
export async function apiFetch<T>(baseHref: string, path: string, init?: RequestInit): Promise<T> {
  const url = apiUrl(baseHref, path);
  const response = await ((init ? undefined : takeEarlyResponse(url)) ?? fetch(url, {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers },
  }));
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = body as { code?: number; message?: string } | undefined;
    throw new ApiRequestError(response.status, error?.code, error?.message ?? `${response.status} ${response.statusText}`);
  }
  return body as T;
}
