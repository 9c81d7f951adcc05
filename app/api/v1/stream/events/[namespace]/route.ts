import { parseListQuery } from '@/server/api/list-options';
import { streamResponse } from '@/server/api/event-stream';
import { errorResponse } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { watchKubeEvents } from '@/server/services/kube-events-watch';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

/** The namespace's Kubernetes Events as a stream, as argo-server's `WatchEvents` (the UI's events panel). */
export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  try {
    const { fieldSelector, labelSelector } = parseListQuery(new URL(request.url));
    const cluster = (await clusterFor(request));
    return streamResponse(request, (signal) => watchKubeEvents(cluster, { namespace, fieldSelector, labelSelector }, signal));
  } catch (error) {
    return errorResponse(error);
  }
}
