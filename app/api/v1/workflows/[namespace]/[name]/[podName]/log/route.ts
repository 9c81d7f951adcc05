import { streamResponse } from '@/server/api/event-stream';
import { parseLogQuery } from '@/server/api/log-query';
import { errorResponse } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { getRuntime } from '@/server/runtime';
import { streamWorkflowLogs } from '@/server/services/workflow-logs';
import { findWorkflow } from '@/server/services/workflow-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string; podName: string }> };

/** argo-server's `PodLogs`: one pod's log lines. */
export async function GET(request: Request, { params }: Context) {
  const { namespace, name, podName } = await params;
  try {
    const query = parseLogQuery(new URL(request.url), podName);
    const cluster = (await clusterFor(request));
    const { executor } = getRuntime();
    await findWorkflow(cluster, namespace, name);
    return streamResponse(request, (signal) => streamWorkflowLogs(cluster, executor, namespace, name, query, signal));
  } catch (error) {
    return errorResponse(error);
  }
}
