import { parseListOptions } from '@/server/api/list-options';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { listWorkflowEventBindings } from '@/server/services/event-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => listWorkflowEventBindings((await clusterFor(request)), namespace, parseListOptions(new URL(request.url))));
}
