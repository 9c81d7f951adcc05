import { z } from 'zod';
import { parseListOptions } from '@/server/api/list-options';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { createClusterWorkflowTemplate, listClusterWorkflowTemplates } from '@/server/services/cluster-template-service';

export const dynamic = 'force-dynamic';

const createBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(request: Request) {
  return respond(async () => listClusterWorkflowTemplates(getRuntime().cluster, parseListOptions(new URL(request.url))));
}

export async function POST(request: Request) {
  return respond(async () => createClusterWorkflowTemplate(getRuntime().cluster, (await parseBody(request, createBody)).template));
}
