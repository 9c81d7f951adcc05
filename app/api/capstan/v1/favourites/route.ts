import { respond } from '@/server/api/respond';
import { callerIdentity } from '@/server/history/caller-identity';
import { requireHistory } from '@/server/history/history-runtime';
import { listFavourites } from '@/server/history/settings-service';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return respond(async () => listFavourites(requireHistory(), await callerIdentity(request)));
}
