import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { lintWorkflowTemplate } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

const lintBody = z.looseObject({ template: kubeObject.optional() });

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => lintWorkflowTemplate(clusterFor(request), namespace, (await parseBody(request, lintBody)).template));
}
