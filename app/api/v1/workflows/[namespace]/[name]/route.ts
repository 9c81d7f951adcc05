import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { getWorkflow } from '@/server/services/workflow-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => getWorkflow(getRuntime().cluster, namespace, name));
}
