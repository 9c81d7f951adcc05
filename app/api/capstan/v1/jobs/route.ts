import { z } from 'zod';
import { parseQuery } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { requireHistory } from '@/server/history/history-runtime';
import { listJobs } from '@/server/history/job-service';

export const dynamic = 'force-dynamic';

const query = z.object({
  namespace: z.string().optional(),
  folder: z.string().optional(),
  search: z.string().optional(),
  view: z.string().optional(),
  labels: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
});

export async function GET(request: Request) {
  return respond(async () => {
    const q = parseQuery(new URL(request.url), query);
    const lastStatus = q.status?.split(',').map((s) => s.trim()).filter(Boolean);
    return listJobs((await clusterFor(request)), requireHistory(), { ...q, nameRegex: q.name, lastStatus }, new Date());
  });
}
