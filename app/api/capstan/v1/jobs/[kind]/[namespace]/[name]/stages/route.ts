import { z } from 'zod';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { type JobRouteContext, jobParams, limitParam } from '@/server/history/history-query';
import { stageView } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';

const query = z.object({ limit: limitParam(50, 200) });

export async function GET(request: Request, { params }: JobRouteContext) {
  return respond(async () => {
    const { limit } = parseQuery(new URL(request.url), query);
    return stageView((await clusterFor(request)), requireHistory(), await jobParams(params), limit, new Date());
  });
}
