import { z } from 'zod';
import { kubeObject, parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { lintWorkflowTemplate } from '@/server/services/template-service';

import * as named from '../[name]/route';
import { asNamed } from '@/server/api/static-name-route';

export const dynamic = 'force-dynamic';

// A resource named `lint` is reached through the `{name}` handlers.
export const GET = asNamed(named.GET, 'lint');
export const PUT = asNamed(named.PUT, 'lint');
export const DELETE = asNamed(named.DELETE, 'lint');
type Context = { params: Promise<{ namespace: string }> };

const lintBody = z.looseObject({ template: kubeObject.optional() });

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => lintWorkflowTemplate((await clusterFor(request)), namespace, (await parseBody(request, lintBody)).template));
}
