/** What a failed Kubernetes API call carries that decides whether to retry it: its HTTP status and headers. */
export interface ThrottledResponse {
  code?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

/** client-go's rest client retries a throttled request at most this many times before giving up. */
export const maxThrottledRetries = 10;

const maxWaitSeconds = 10;

/**
 * How long to wait before sending a request again that the API server refused as too busy, as client-go does: a
 * 429 (its in-flight limit, or priority and fairness, both say `Retry-After: 1`), or a 5xx other than 501 that
 * carries `Retry-After`. Such a request was refused before it was acted on, so sending it again is safe even for a
 * create. Undefined: not a throttle, do not retry. `attempt` counts retries already made (0 for the first).
 */
export function throttledRetryDelayMs(error: unknown, attempt: number): number | undefined {
  if (attempt >= maxThrottledRetries) return undefined;
  const { code, headers } = (error ?? {}) as ThrottledResponse;
  if (typeof code !== 'number') return undefined;
  const raw = headerValue(headers, 'retry-after');
  const seconds = raw === undefined ? undefined : Number.parseInt(raw, 10);
  const given = seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
  if (code === 429) return Math.min(given ?? 1, maxWaitSeconds) * 1000;
  if (code >= 500 && code !== 501 && given !== undefined) return Math.min(given, maxWaitSeconds) * 1000;
  return undefined;
}

function headerValue(headers: ThrottledResponse['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
