import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { lintClusterWorkflowTemplate } from '@/server/services/cluster-template-service';

export const dynamic = 'force-dynamic';

const lintBody = z.looseObject({ template: kubeObject.optional() });

export async function POST(request: Request) {
  return respond(async () => lintClusterWorkflowTemplate(clusterFor(request), (await parseBody(request, lintBody)).template));
}
