import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { deleteWorkflowTemplate, getWorkflowTemplate, updateWorkflowTemplate } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const updateBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => getWorkflowTemplate((await clusterFor(request)), namespace, name));
}

export async function PUT(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => updateWorkflowTemplate((await clusterFor(request)), namespace, name, (await parseBody(request, updateBody)).template));
}

export async function DELETE(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => deleteWorkflowTemplate((await clusterFor(request)), namespace, name));
}
