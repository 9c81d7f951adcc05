import { z } from 'zod';
import { parseListOptions } from '@/server/api/list-options';
import { kubeObject, parseBody, parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { createWorkflowTemplate, listWorkflowTemplates } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const listQuery = z.looseObject({ namePattern: z.string().optional() });
const createBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => {
    const url = new URL(request.url);
    return listWorkflowTemplates((await clusterFor(request)), namespace, parseListOptions(url), parseQuery(url, listQuery).namePattern);
  });
}

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => createWorkflowTemplate((await clusterFor(request)), namespace, (await parseBody(request, createBody)).template));
}
