import type { KubeObject } from '@/lib/k8s/object';
import { parseListOptions } from '@/server/api/list-options';
import { readJson, respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { createWorkflowTemplate, listWorkflowTemplates } from '@/server/services/template-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

export async function GET(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(() => listWorkflowTemplates(getRuntime().cluster, namespace, parseListOptions(new URL(request.url))));
}

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => {
    const body = (await readJson(request)) as { template?: KubeObject };
    return createWorkflowTemplate(getRuntime().cluster, namespace, body.template);
  });
}
