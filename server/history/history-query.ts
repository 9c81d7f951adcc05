import { z } from 'zod';
import { invalidArgument } from '@/lib/api-error';
import { type JobRef, parseJobPath } from '@/lib/history/job-ref';

/** A `limit` query parameter: a positive whole number up to `max`, `fallback` when absent. */
export function limitParam(fallback: number, max: number) {
  return z.string().optional().transform((text, ctx) => {
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from 1 to ${max}, not "${text}"` });
      return z.NEVER;
    }
    return n;
  });
}

/** A build number in a path or query: a positive whole number. */
export function parseBuildNumber(text: string, what = 'build number'): number {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw invalidArgument(`${what} must be a positive whole number, not "${text}"`);
  return Number(text);
}

/** The job of a `{kind}/{namespace}/{name}` route, decoded. */
export async function jobParams(params: Promise<{ kind: string; namespace: string; name: string }>): Promise<JobRef> {
  const { kind, namespace, name } = await params;
  return parseJobPath(decodeURIComponent(kind), decodeURIComponent(namespace), decodeURIComponent(name));
}

/** `param.<name>=<value>` query parameters (trends' filter). */
export function parameterFilters(url: URL): { name: string; value: string }[] {
  return [...url.searchParams].filter(([key]) => key.startsWith('param.') && key.length > 6).map(([key, value]) => ({ name: key.slice(6), value }));
}

export type JobRouteContext = { params: Promise<{ kind: string; namespace: string; name: string }> };
