import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { getWorkflowTemplate } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => getWorkflowTemplate(getRuntime().cluster, namespace, name));
}
