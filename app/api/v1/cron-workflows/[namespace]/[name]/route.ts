import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { deleteCronWorkflow, getCronWorkflow, updateCronWorkflow } from '@/server/services/cron-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

const updateBody = z.looseObject({ cronWorkflow: kubeObject.optional() });

export async function GET(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => getCronWorkflow(getRuntime().cluster, namespace, name));
}

export async function PUT(request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(async () => updateCronWorkflow(getRuntime().cluster, namespace, name, (await parseBody(request, updateBody)).cronWorkflow));
}

export async function DELETE(_request: Request, { params }: Context) {
  const { namespace, name } = await params;
  return respond(() => deleteCronWorkflow(getRuntime().cluster, namespace, name));
}
