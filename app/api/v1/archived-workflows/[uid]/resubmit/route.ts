import { z } from 'zod';
import { findArchive } from '@/server/archive/archive-runtime';
import { parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { resubmitArchivedWorkflow } from '@/server/services/archive-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ uid: string }> };

const body = z.looseObject({
  namespace: z.string().optional(),
  name: z.string().optional(),
  memoized: z.boolean().optional(),
  parameters: z.array(z.string()).optional(),
});

export async function PUT(request: Request, { params }: Context) {
  const { uid } = await params;
  return respond(async () => {
    const input = await parseBody(request, body);
    return resubmitArchivedWorkflow((await clusterFor(request)), findArchive(), { ...input, uid });
  });
}
