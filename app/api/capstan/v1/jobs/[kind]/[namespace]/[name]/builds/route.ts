import { z } from 'zod';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { type JobRouteContext, jobParams, limitParam, parseBuildNumber } from '@/server/history/history-query';
import { listBuilds } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';

const query = z.object({ limit: limitParam(25, 200), before: z.string().optional() });

export async function GET(request: Request, { params }: JobRouteContext) {
  return respond(async () => {
    const q = parseQuery(new URL(request.url), query);
    const before = q.before ? parseBuildNumber(q.before, 'before') : undefined;
    return listBuilds((await clusterFor(request)), requireHistory(), await jobParams(params), { limit: q.limit, before }, new Date());
  });
}
