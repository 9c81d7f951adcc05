import { findArchive } from '@/server/archive/archive-runtime';
import { parseListQuery } from '@/server/api/list-options';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { listArchivedLabelValues } from '@/server/services/archive-service';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return respond(async () => {
    getRuntime();
    const { labelSelector } = parseListQuery(new URL(request.url));
    return listArchivedLabelValues(findArchive(), labelSelector ?? '', process.env.DISABLE_VALUE_LIST_RETRIEVAL_KEY_PATTERN);
  });
}
