import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { type JobRouteContext, jobParams } from '@/server/history/history-query';
import { getJob } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: JobRouteContext) {
  return respond(async () => getJob((await clusterFor(request)), requireHistory(), await jobParams(params), new Date()));
}
