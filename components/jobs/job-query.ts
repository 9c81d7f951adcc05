import { queryOptions } from '@tanstack/react-query';
import type { KubeObject } from '@/lib/k8s/object';
import { apiFetch } from '../api-client';
import { type JobRef, jobResourcePath, resourceKindOf } from './job-ref';

/** The job's own resource (the template or cron workflow), keyed by its coordinates like every resource query. */
export function jobResourceQuery(baseHref: string, job: JobRef) {
  return queryOptions({
    queryKey: ['argo', job.kind, job.namespace, job.name, {}] as const,
    queryFn: async () => {
      const object = await apiFetch<KubeObject>(baseHref, jobResourcePath(job));
      // The form tells a cron workflow's spec from a template's by kind, which some reads omit.
      return { ...object, kind: object.kind ?? resourceKindOf[job.kind] };
    },
  });
}
