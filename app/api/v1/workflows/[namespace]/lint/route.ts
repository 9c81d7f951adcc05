import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { lintWorkflow } from '@/server/services/workflow-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const lintBody = z.object({ workflow: kubeObject.optional() });

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => lintWorkflow(clusterFor(request), namespace, (await parseBody(request, lintBody)).workflow));
}
