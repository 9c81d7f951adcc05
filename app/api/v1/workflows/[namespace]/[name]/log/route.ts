import { streamResponse } from '@/server/api/event-stream';
import { parseLogQuery } from '@/server/api/log-query';
import { errorResponse } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { getRuntime } from '@/server/runtime';
import { streamWorkflowLogs } from '@/server/services/workflow-logs';
import { findWorkflow } from '@/server/services/workflow-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

/** argo-server's `WorkflowLogs`: every pod's log lines, or one pod's with `podName`. */
export async function GET(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  try {
    const query = parseLogQuery(new URL(request.url));
    const cluster = (await clusterFor(request));
    const { executor } = getRuntime();
    // Fetch the workflow before the stream starts, so a missing one answers 404 rather than an error frame.
    await findWorkflow(cluster, namespace, name);
    return streamResponse(request, (signal) => streamWorkflowLogs(cluster, executor, namespace, name, query, signal));
  } catch (error) {
    return errorResponse(error);
  }
}
