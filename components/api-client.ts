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

/** Calls Capstan's API under the base path and returns its JSON, or throws the server's message. */
export async function apiFetch<T>(baseHref: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(apiUrl(baseHref, path), {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers },
  });
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
