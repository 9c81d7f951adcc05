import { readJson, respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { receiveEvent } from '@/server/services/event-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string }> };

// An event with an empty discriminator (`/api/v1/events/{namespace}/`), as argo-server accepts it.
export async function POST(request: Request, { params }: Context) {
  const { namespace } = await params;
  return respond(async () => receiveEvent((await clusterFor(request)), namespace, '', await readJson(request), request.headers));
}
