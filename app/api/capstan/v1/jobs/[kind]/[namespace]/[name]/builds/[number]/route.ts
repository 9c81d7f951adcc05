import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { jobParams, parseBuildNumber } from '@/server/history/history-query';
import { getBuild } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ kind: string; namespace: string; name: string; number: string }> };

export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    const number = parseBuildNumber((await params).number);
    return getBuild((await clusterFor(request)), requireHistory(), await jobParams(params), number, new Date());
  });
}
