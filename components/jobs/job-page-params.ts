import { notFound } from 'next/navigation';
import { type JobRef, jobRefFromSegments } from './job-ref';

export type JobPageParams = Promise<{ kind: string; namespace: string; name: string }>;

/** The job a `/jobs/{kind}/{namespace}/{name}/...` page is about; an unknown kind is the 404 page. */
export async function jobFromParams(params: JobPageParams): Promise<JobRef> {
  const { kind, namespace, name } = await params;
  const job = jobRefFromSegments(kind, namespace, name);
  if (!job) notFound();
  return job;
}
