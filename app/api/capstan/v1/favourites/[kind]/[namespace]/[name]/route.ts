import { respond } from '@/server/api/respond';
import { callerIdentity } from '@/server/history/caller-identity';
import { requireHistory } from '@/server/history/history-runtime';
import { type JobRouteContext, jobParams } from '@/server/history/history-query';
import { setFavourite } from '@/server/history/settings-service';

export const dynamic = 'force-dynamic';

export async function PUT(request: Request, { params }: JobRouteContext) {
  return respond(async () => setFavourite(requireHistory(), await callerIdentity(request), await jobParams(params), true));
}

export async function DELETE(request: Request, { params }: JobRouteContext) {
  return respond(async () => setFavourite(requireHistory(), await callerIdentity(request), await jobParams(params), false));
}
