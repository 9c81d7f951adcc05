import { z } from 'zod';
import { parseListQuery } from '@/server/api/list-options';
import { kubeObject, parseBody, parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { createWorkflow, listWorkflows } from '@/server/services/workflow-service';
import { apiCallerOf } from '@/server/history/api-caller';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const listQuery = z.looseObject({
  fields: z.string().optional(),
  nameFilter: z.string().optional(),
  createdAfter: z.string().optional(),
  finishedBefore: z.string().optional(),
});

const createBody = z.object({
  workflow: kubeObject.optional(),
  serverDryRun: z.boolean().optional(),
  createOptions: z.looseObject({ dryRun: z.array(z.string()).optional() }).optional(),
});

export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => {
    const url = new URL(request.url);
    const list = parseListQuery(url);
    const query = parseQuery(url, listQuery);
    return listWorkflows((await clusterFor(request)), { namespace, ...list, ...query });
  });
}

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => createWorkflow((await clusterFor(request)), namespace, await parseBody(request, createBody), apiCallerOf(request)));
}
