import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { deleteWorkflowTemplate, getWorkflowTemplate, updateWorkflowTemplate } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const updateBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => getWorkflowTemplate(getRuntime().cluster, namespace, name));
}

export async function PUT(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => updateWorkflowTemplate(getRuntime().cluster, namespace, name, (await parseBody(request, updateBody)).template));
}

export async function DELETE(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => deleteWorkflowTemplate(getRuntime().cluster, namespace, name));
}
