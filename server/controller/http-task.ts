import { assessHttpResponse } from '@/lib/resources/http-result';
import type { PodObservation } from '@/lib/engine/types';
import { toKubeTime } from '@/lib/k8s/object';
import type { PodRequest, WorkflowRef } from './pod-executor';

export type ReadSecret = (namespace: string, name: string, key: string) => Promise<string | undefined>;

/**
 * Performs an http template's request from the server process, as Argo's agent does: method, url, headers (values
 * from secrets too), body, timeoutSeconds; the body becomes `outputs.result` and the success condition decides.
 */
export async function runHttpTask(workflow: WorkflowRef, pod: PodRequest, signal: AbortSignal, readSecret?: ReadSecret): Promise<PodObservation> {
  const http = pod.template.http!;
  const startedAt = toKubeTime(new Date());
  const failed = (message: string): PodObservation => ({ phase: 'Failed', message, startedAt, finishedAt: toKubeTime(new Date()) });
  const headers = new Headers();
  for (const header of http.headers ?? []) {
    let value = header.value ?? '';
    const secret = header.valueFrom?.secretKeyRef;
    if (secret) {
      const found = readSecret ? await readSecret(workflow.namespace, secret.name ?? '', secret.key) : undefined;
      if (found === undefined) {
        return failed(readSecret
          ? `secret ${secret.name} (key ${secret.key}) not found in namespace ${workflow.namespace}`
          : `header ${header.name} comes from secret ${secret.name}, and no secrets are available here`);
      }
      value = found;
    }
    headers.append(header.name, value);
  }
  const timeout = http.timeoutSeconds !== undefined ? AbortSignal.timeout(Number(http.timeoutSeconds) * 1000) : undefined;
  const method = (http.method || 'GET').toUpperCase();
  const body = http.bodyFrom?.bytes !== undefined ? Buffer.from(http.bodyFrom.bytes, 'base64') : http.body;
  let response: Response;
  try {
    response = await fetch(http.url, {
      method,
      headers,
      ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
      signal: timeout ? AbortSignal.any([signal, timeout]) : signal,
    });
  } catch (error) {
    if (timeout?.aborted) return failed(`Get "${http.url}": context deadline exceeded`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return failed(`${method} "${http.url}": ${error instanceof Error ? error.message : String(error)}${cause}`);
  }
  const text = await response.text();
  const responseHeaders: Record<string, string[]> = {};
  response.headers.forEach((value, name) => {
    const canonical = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    (responseHeaders[canonical] ??= []).push(value);
  });
  const outcome = assessHttpResponse(http, { statusCode: response.status, body: text, headers: responseHeaders });
  return {
    phase: outcome.phase,
    ...(outcome.message ? { message: outcome.message } : {}),
    startedAt,
    finishedAt: toKubeTime(new Date()),
    outputs: { result: outcome.result },
  };
}
