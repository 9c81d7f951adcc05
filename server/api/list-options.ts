import { z } from 'zod';
import { invalidArgument } from '@/lib/api-error';
import type { ListOptions } from '../cluster/cluster-port';

const listQuery = z.object({
  'listOptions.labelSelector': z.string().optional(),
  'listOptions.limit': z.coerce.number().int().nonnegative().optional(),
  'listOptions.continue': z.string().optional(),
});

/** Reads argo-server's `listOptions.*` query parameters. */
export function parseListOptions(url: URL): ListOptions {
  const parsed = listQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidArgument(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const q = parsed.data;
  return { labelSelector: q['listOptions.labelSelector'], limit: q['listOptions.limit'], continue: q['listOptions.continue'] };
}
