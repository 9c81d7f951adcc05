import { z } from 'zod';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { type JobRouteContext, jobParams, limitParam, parameterFilters } from '@/server/history/history-query';
import { trends } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';

const query = z.looseObject({ limit: limitParam(100, 5000) });

export async function GET(request: Request, { params }: JobRouteContext) {
  return respond(async () => {
    const url = new URL(request.url);
    const { limit } = parseQuery(url, query);
    return trends((await clusterFor(request)), requireHistory(), await jobParams(params), limit, parameterFilters(url), new Date());
  });
}
