import { evaluateBool, ExpressionError, toValue } from '../expr';
import type { HTTP } from '../generated/argo';

/** What came back from an http template's request. */
export interface HttpResponse {
  statusCode: number;
  body: string;
  /** Header values by name, as Go's http.Header (a list per name). */
  headers: Record<string, string[]>;
}

/**
 * An http template's outcome from its response, as Argo's agent decides it: `outputs.result` is the body; without a
 * successCondition any 2xx succeeds; with one, the expression sees `request` and `response`.
 */
export function assessHttpResponse(http: HTTP, response: HttpResponse): { phase: 'Succeeded' | 'Failed'; message?: string; result: string } {
  const result = response.body;
  if (!http.successCondition) {
    if (response.statusCode >= 200 && response.statusCode < 300) return { phase: 'Succeeded', result };
    return { phase: 'Failed', message: `received non-2xx response code: ${response.statusCode}`, result };
  }
  const env = {
    request: toValue({
      method: http.method ?? '', url: http.url, body: http.body ?? '',
      headers: Object.fromEntries((http.headers ?? []).map((h) => [h.name, [h.value ?? '']])),
    }),
    response: toValue({ statusCode: response.statusCode, body: response.body, headers: response.headers }),
  };
  let success: boolean;
  try {
    success = evaluateBool(http.successCondition, env);
  } catch (error) {
    return { phase: 'Failed', message: error instanceof ExpressionError ? error.message : String(error), result };
  }
  return success ? { phase: 'Succeeded', result } : { phase: 'Failed', message: `successCondition '${http.successCondition}' evaluated false`, result };
}
