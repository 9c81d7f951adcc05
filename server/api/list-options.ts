import { z } from 'zod';
import type { ListOptions } from '../cluster/cluster-port';
import { parseQuery } from './parse';

const listQuery = z.looseObject({
  'listOptions.labelSelector': z.string().optional(),
  'listOptions.fieldSelector': z.string().optional(),
  'listOptions.resourceVersion': z.string().optional(),
  'listOptions.limit': z.coerce.number().int().nonnegative().optional(),
  'listOptions.continue': z.string().optional(),
});

/** argo-server's `listOptions.*` query parameters, with the raw query for the caller's own parameters. */
export function parseListQuery(url: URL) {
  const q = parseQuery(url, listQuery);
  return {
    labelSelector: q['listOptions.labelSelector'] || undefined,
    fieldSelector: q['listOptions.fieldSelector'] || undefined,
    resourceVersion: q['listOptions.resourceVersion'] || undefined,
    limit: q['listOptions.limit'],
    continue: q['listOptions.continue'] || undefined,
  };
}

/** Reads argo-server's `listOptions.*` query parameters for a plain Kubernetes list. */
export function parseListOptions(url: URL): ListOptions {
  const { labelSelector, limit, continue: token } = parseListQuery(url);
  return { labelSelector, limit, continue: token };
}
