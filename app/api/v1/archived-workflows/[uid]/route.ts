import { z } from 'zod';
import { findArchive } from '@/server/archive/archive-runtime';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { deleteArchivedWorkflow, getArchivedWorkflow } from '@/server/services/archive-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ uid: string }> };

const query = z.looseObject({ namespace: z.string().optional(), name: z.string().optional() });

export async function GET(request: Request, { params }: Context) {
  const { uid } = await params;
  return respond(async () => {
    getRuntime();
    return getArchivedWorkflow(findArchive(), { uid, ...parseQuery(new URL(request.url), query) });
  });
}

export async function DELETE(request: Request, { params }: Context) {
  const { uid } = await params;
  return respond(async () => {
    getRuntime();
    return deleteArchivedWorkflow(findArchive(), { uid, ...parseQuery(new URL(request.url), query) });
  });
}
