import type { KubeObject } from '@/lib/k8s/object';
import { type JobRef, buildHref } from './job-ref';

/** The label Capstan puts on every build (docs/build-history.md). */
export const BUILD_NUMBER_LABEL = 'capstan.io/build-number';

/** A workflow's build number, when it has one. */
export function buildNumberOf(workflow: KubeObject): number | undefined {
  const number = Number(workflow.metadata.labels?.[BUILD_NUMBER_LABEL]);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Where to go after a build starts: its build page, or its workflow page when it has no number yet. */
export function buildHrefOf(job: JobRef, workflow: KubeObject): string {
  const number = buildNumberOf(workflow);
  if (number !== undefined) return buildHref(job, number);
  return `/workflows/${encodeURIComponent(workflow.metadata.namespace ?? '')}/${encodeURIComponent(workflow.metadata.name ?? '')}`;
}
