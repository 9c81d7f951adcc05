import { z } from 'zod';
import { parseQuery, queryBoolean } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { deleteWorkflow, getWorkflow } from '@/server/services/workflow-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const getQuery = z.looseObject({ fields: z.string().optional(), uid: z.string().optional() });
const deleteQuery = z.looseObject({ force: queryBoolean.optional() });

export async function GET(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => getWorkflow((await clusterFor(request)), namespace, name, parseQuery(new URL(request.url), getQuery)));
}

export async function DELETE(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => deleteWorkflow((await clusterFor(request)), namespace, name, parseQuery(new URL(request.url), deleteQuery).force));
}
