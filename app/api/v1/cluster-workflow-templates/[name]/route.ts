import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import {
  deleteClusterWorkflowTemplate, getClusterWorkflowTemplate, updateClusterWorkflowTemplate,
} from '@/server/services/cluster-template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ name: string }> };

const updateBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(_request: Request, { params }: Context) {
  const { name } = await params;
  return respond(() => getClusterWorkflowTemplate(getRuntime().cluster, name));
}

export async function PUT(request: Request, { params }: Context) {
  const { name } = await params;
  return respond(async () => updateClusterWorkflowTemplate(getRuntime().cluster, name, (await parseBody(request, updateBody)).template));
}

export async function DELETE(_request: Request, { params }: Context) {
  const { name } = await params;
  return respond(() => deleteClusterWorkflowTemplate(getRuntime().cluster, name));
}
