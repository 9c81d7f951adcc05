import { readJson, respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { receiveEvent } from '@/server/services/event-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; discriminator: string }> };

// The body is the event's payload, any JSON.
export async function POST(request: Request, { params }: Context) {
  const { namespace, discriminator } = await params;
  return respond(async () => receiveEvent((await clusterFor(request)), namespace, discriminator, await readJson(request), request.headers));
}
