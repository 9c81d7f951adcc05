import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { clusterFor } from '../auth/cluster-for-request';
import { watchWorkflows } from '../services/workflow-watch';
import { serveStream } from './event-stream';
import { parseListQuery } from './list-options';
import { parseQuery } from './parse';
import { errorResponse } from './respond';
import { sendWebResponse, webRequestOf } from './web-request';

/**
 * The namespace a `GET /api/v1/workflow-events/{namespace}` path (without the base href) names: '' for every
 * namespace (`/api/v1/workflow-events` or `…/`, as argo-server); undefined for any other path.
 */
export function matchWorkflowEventsRoute(pathname: string): { namespace: string } | undefined {
  const match = /^\/api\/v1\/workflow-events(?:\/([^/]*))?\/?$/.exec(pathname);
  if (!match) return undefined;
  try {
    return { namespace: decodeURIComponent(match[1] ?? '') };
  } catch {
    return undefined;
  }
}

const watchQuery = z.looseObject({ fields: z.string().optional() });

/**
 * `GET /api/v1/workflow-events/{namespace}`: the workflows' watch events, as argo-server's `WatchWorkflows`
 * (server/services/workflow-watch.ts), served on Node's response beside Next.js: every dashboard tab keeps one open,
 * and through a route handler each cost about 460 KB, twice argo-server's (docs/benchmarks.md).
 */
export async function serveWorkflowEvents(req: IncomingMessage, res: ServerResponse, url: URL, namespace: string): Promise<void> {
  const request = webRequestOf(req, url);
  let open;
  try {
    const { fieldSelector, labelSelector, resourceVersion } = parseListQuery(url);
    const { fields } = parseQuery(url, watchQuery);
    const cluster = await clusterFor(request);
    open = (signal: AbortSignal) => watchWorkflows(cluster, { namespace, fieldSelector, labelSelector, resourceVersion, fields }, signal);
  } catch (error) {
    return sendWebResponse(errorResponse(error), res);
  }
  await serveStream(req, res, open);
}
