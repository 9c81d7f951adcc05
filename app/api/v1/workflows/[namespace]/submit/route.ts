import { z } from 'zod';
import { invalidArgument } from '@/lib/api-error';
import { readJson, respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { submitWorkflow } from '@/server/services/workflow-service';
import { apiCallerOf } from '@/server/history/api-caller';

import * as named from '../[name]/route';
import { asNamed } from '@/server/api/static-name-route';

export const dynamic = 'force-dynamic';

// A resource named `submit` is reached through the `{name}` handlers.
export const GET = asNamed(named.GET, 'submit');
export const DELETE = asNamed(named.DELETE, 'submit');
type Context = { params: Promise<{ namespace: string }> };

const submitBody = z.object({
  resourceKind: z.string().min(1),
  resourceName: z.string().min(1),
  submitOptions: z
    .object({
      name: z.string().optional(),
      generateName: z.string().optional(),
      entrypoint: z.string().optional(),
      parameters: z.array(z.string()).optional(),
      labels: z.string().optional(),
      annotations: z.string().optional(),
      serviceAccount: z.string().optional(),
      podPriorityClassName: z.string().optional(),
      priority: z.number().optional(),
      dryRun: z.boolean().optional(),
      serverDryRun: z.boolean().optional(),
    })
    .optional(),
});

export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => {
    const parsed = submitBody.safeParse(await readJson(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidArgument(`${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    }
    return submitWorkflow((await clusterFor(request)), namespace, parsed.data, apiCallerOf(request));
  });
}
