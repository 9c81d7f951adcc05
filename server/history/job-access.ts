import { GrpcCode, isApiError, notFound } from '@/lib/api-error';
import { type JobRef, jobKey } from '@/lib/history/job-ref';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import type { BuildStore } from './build-store';

/**
 * The job's resource, read as the caller (so in client mode Kubernetes RBAC decides who sees its history). A job
 * deleted since keeps its history: it is served when the caller may list workflows where its builds ran.
 */
export async function readJob(cluster: ClusterPort, store: BuildStore, job: JobRef): Promise<KubeObject | undefined> {
  try {
    return await cluster.get<KubeObject>(job.kind, job.namespace, job.name);
  } catch (error) {
    if (!isApiError(error) || error.code !== GrpcCode.NotFound) throw error;
  }
  const [newest] = await store.page(job, 1);
  if (!newest) throw notFound(job.kind + '.argoproj.io', job.name);
  await cluster.list('workflows', newest.namespace, { limit: 1 });
  return undefined;
}

export const jobNotFound = (job: JobRef) => notFound('jobs', jobKey(job));
