import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { lintClusterWorkflowTemplate } from '@/server/services/cluster-template-service';

import * as named from '../[name]/route';
import { asNamed } from '@/server/api/static-name-route';

export const dynamic = 'force-dynamic';

// A resource named `lint` is reached through the `{name}` handlers.
export const GET = asNamed(named.GET, 'lint');
export const PUT = asNamed(named.PUT, 'lint');
export const DELETE = asNamed(named.DELETE, 'lint');

const lintBody = z.looseObject({ template: kubeObject.optional() });

export async function POST(request: Request) {
  return respond(async () => lintClusterWorkflowTemplate((await clusterFor(request)), (await parseBody(request, lintBody)).template));
}
