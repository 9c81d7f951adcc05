import { z } from 'zod';
import { findArchive } from '@/server/archive/archive-runtime';
import { parseListQuery } from '@/server/api/list-options';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { listArchivedWorkflows } from '@/server/services/archive-service';

export const dynamic = 'force-dynamic';

const listQuery = z.looseObject({
  namespace: z.string().optional(),
  namePrefix: z.string().optional(),
  nameFilter: z.string().optional(),
});

export async function GET(request: Request) {
  return respond(async () => {
    getRuntime();
    const url = new URL(request.url);
    return listArchivedWorkflows(findArchive(), { ...parseListQuery(url), ...parseQuery(url, listQuery) });
  });
}
