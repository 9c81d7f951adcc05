/** An error from the API, carrying Argo's `{"code","message"}`. */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly code: number | undefined, message: string) {
    super(message);
  }
}

/** Calls Capstan's API under the base path and returns its JSON, or throws the server's message. */
export async function apiFetch<T>(baseHref: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${baseHref}${path.replace(/^\//, '')}`, {
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
