import { GrpcCode, invalidArgument, isApiError, notFound, toApiError } from '@/lib/api-error';
import { badgeStatus, renderBadge } from '@/lib/history/badge';
import { type JobKind, type JobRef, jobKinds } from '@/lib/history/job-ref';
import type { ClusterPort } from '../cluster/cluster-port';
import { requireHistory } from './history-runtime';
import { readJob } from './job-access';

/** Finds the job a badge names: the given kind, else a WorkflowTemplate, then a CronWorkflow of that name. */
async function findBadgeJob(cluster: ClusterPort, namespace: string, name: string, kind: string | null): Promise<JobRef> {
  const history = requireHistory();
  if (kind && !(jobKinds as readonly string[]).includes(kind)) throw invalidArgument(`kind must be one of ${jobKinds.join(', ')}`);
  const kinds: JobKind[] = kind ? [kind as JobKind] : namespace === '-' ? ['clusterworkflowtemplates'] : ['workflowtemplates', 'cronworkflows'];
  for (const k of kinds) {
    const job = { kind: k, namespace: k === 'clusterworkflowtemplates' ? '' : namespace, name };
    try {
      await readJob(cluster, history.store, job);
      return job;
    } catch (error) {
      if (!(isApiError(error) && error.code === GrpcCode.NotFound)) throw error;
    }
  }
  throw notFound('jobs', `${namespace}/${name}`);
}

/** `GET /badge/{namespace}/{job}.svg`: the last build's status as an SVG; errors are badges too, with their status. */
export async function badgeResponse(clusterOf: () => Promise<ClusterPort>, namespace: string, file: string, kind: string | null): Promise<Response> {
  const headers = { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-cache, max-age=0' };
  const name = file.replace(/\.svg$/, '');
  try {
    const job = await findBadgeJob(await clusterOf(), namespace, name, kind);
    const [last] = await requireHistory().store.page(job, 1);
    return new Response(renderBadge(name, badgeStatus(last?.phase, last?.number)), { headers });
  } catch (error) {
    const apiError = toApiError(error);
    const text = apiError.code === GrpcCode.NotFound ? 'not found' : apiError.code === GrpcCode.Unauthenticated ? 'unauthorized' : 'unavailable';
    return new Response(renderBadge(name, { text, colour: '#757575' }), { status: apiError.httpStatus, headers });
  }
}
