import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { deleteCronWorkflow, getCronWorkflow, updateCronWorkflow } from '@/server/services/cron-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const updateBody = z.looseObject({ cronWorkflow: kubeObject.optional() });

export async function GET(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => getCronWorkflow((await clusterFor(request)), namespace, name));
}

export async function PUT(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => updateCronWorkflow((await clusterFor(request)), namespace, name, (await parseBody(request, updateBody)).cronWorkflow));
}

export async function DELETE(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => deleteCronWorkflow((await clusterFor(request)), namespace, name));
}
