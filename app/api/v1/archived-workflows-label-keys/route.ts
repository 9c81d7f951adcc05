import { findArchive } from '@/server/archive/archive-runtime';
import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';
import { listArchivedLabelKeys } from '@/server/services/archive-service';

export const dynamic = 'force-dynamic';

export async function GET() {
  return respond(async () => {
    getRuntime();
    return listArchivedLabelKeys(findArchive());
  });
}
