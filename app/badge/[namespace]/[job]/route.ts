import { clusterFor } from '@/server/auth/cluster-for-request';
import { badgeResponse } from '@/server/history/badge-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; job: string }> };

export async function GET(request: Request, { params }: Context) {
  const { namespace, job } = await params;
  return badgeResponse(() => clusterFor(request), decodeURIComponent(namespace), decodeURIComponent(job), new URL(request.url).searchParams.get('kind'));
}
