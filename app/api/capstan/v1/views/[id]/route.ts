import { parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { callerIdentity } from '@/server/history/caller-identity';
import { requireHistory } from '@/server/history/history-runtime';
import { deleteView, getView, replaceView } from '@/server/history/settings-service';
import { viewBody } from '@/server/history/view-body';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    await callerIdentity(request);
    return getView(requireHistory(), (await params).id);
  });
}

export async function PUT(request: Request, { params }: Context) {
  return respond(async () => {
    await callerIdentity(request);
    return replaceView(requireHistory(), (await params).id, await parseBody(request, viewBody), new Date());
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return respond(async () => {
    await callerIdentity(request);
    return deleteView(requireHistory(), (await params).id);
  });
}
