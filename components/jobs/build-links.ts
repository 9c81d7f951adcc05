import { buildNumberOf } from '@/lib/history/job-ref';
import type { KubeObject } from '@/lib/k8s/object';
import { type JobRef, buildHref } from './job-ref';

/** Where to go after a build starts: its build page, or its workflow page when it has no number yet. */
export function buildHrefOf(job: JobRef, workflow: KubeObject): string {
  const number = buildNumberOf(workflow);
  if (number !== undefined) return buildHref(job, number);
  return `/workflows/${encodeURIComponent(workflow.metadata.namespace ?? '')}/${encodeURIComponent(workflow.metadata.name ?? '')}`;
}
