import { z } from 'zod';
import { parseListOptions } from '@/server/api/list-options';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { createClusterWorkflowTemplate, listClusterWorkflowTemplates } from '@/server/services/cluster-template-service';

export const dynamic = 'force-dynamic';

const createBody = z.looseObject({ template: kubeObject.optional() });

export async function GET(request: Request) {
  return respond(async () => listClusterWorkflowTemplates((await clusterFor(request)), parseListOptions(new URL(request.url))));
}

export async function POST(request: Request) {
  return respond(async () => createClusterWorkflowTemplate((await clusterFor(request)), (await parseBody(request, createBody)).template));
}
