import { z } from 'zod';
import { parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { resume } from '@/server/services/workflow-actions';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const body = z.looseObject({ nodeFieldSelector: z.string().optional() });

export async function PUT(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => {
    const input = await parseBody(request, body);
    return resume((await clusterFor(request)), namespace, name, input.nodeFieldSelector);
  });
}
