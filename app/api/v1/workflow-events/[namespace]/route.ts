import { z } from 'zod';
import { parseListQuery } from '@/server/api/list-options';
import { parseQuery } from '@/server/api/parse';
import { streamResponse } from '@/server/api/event-stream';
import { errorResponse } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { watchWorkflows } from '@/server/services/workflow-watch';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const watchQuery = z.looseObject({ fields: z.string().optional() });

/** Server-Sent Events (or newline-delimited JSON) of workflow changes, as argo-server's `WatchWorkflows`. */
export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  try {
    const url = new URL(request.url);
    const { fieldSelector, labelSelector, resourceVersion } = parseListQuery(url);
    const { fields } = parseQuery(url, watchQuery);
    const cluster = (await clusterFor(request));
    return streamResponse(request, (signal) =>
      watchWorkflows(cluster, { namespace, fieldSelector, labelSelector, resourceVersion, fields }, signal));
  } catch (error) {
    return errorResponse(error);
  }
}
