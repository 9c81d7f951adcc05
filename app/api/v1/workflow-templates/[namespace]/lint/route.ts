import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { lintWorkflowTemplate } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const lintBody = z.looseObject({ template: kubeObject.optional() });

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => lintWorkflowTemplate(getRuntime().cluster, namespace, (await parseBody(request, lintBody)).template));
}
