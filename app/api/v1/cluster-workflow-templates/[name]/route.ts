import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import {
  deleteClusterWorkflowTemplate, getClusterWorkflowTemplate, updateClusterWorkflowTemplate,
} from '@/server/services/cluster-template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ name: string }> };

const updateBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(request: Request, { params }: Context) {
  const { name } = await params;
  return respond(async () => getClusterWorkflowTemplate((await clusterFor(request)), name));
}

export async function PUT(request: Request, { params }: Context) {
  const { name } = await params;
  return respond(async () => updateClusterWorkflowTemplate((await clusterFor(request)), name, (await parseBody(request, updateBody)).template));
}

export async function DELETE(request: Request, { params }: Context) {
  const { name } = await params;
  return respond(async () => deleteClusterWorkflowTemplate((await clusterFor(request)), name));
}
