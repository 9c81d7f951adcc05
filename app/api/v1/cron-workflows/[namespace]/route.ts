import { z } from 'zod';
import { parseListOptions } from '@/server/api/list-options';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { createCronWorkflow, listCronWorkflows } from '@/server/services/cron-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const createBody = z.looseObject({ cronWorkflow: kubeObject.optional() });

export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => listCronWorkflows((await clusterFor(request)), namespace, parseListOptions(new URL(request.url))));
}

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => createCronWorkflow((await clusterFor(request)), namespace, (await parseBody(request, createBody)).cronWorkflow));
}
