import { withArchiveLocation } from '../artifacts/artifact-location';
import type { Template } from '../generated/argo';
import type { Operation } from './operation';
import { substituteObject } from './substitute';

/**
 * The template a pod runs, with the archive location its outputs (and logs) go to: the workflow's resolved
 * repository (status.artifactRepositoryRef) when an artifact has no location of its own, its key format's
 * `{{workflow.*}}` and `{{pod.name}}` filled in as Argo's controller does before argoexec reads it.
 */
export function withPodArchiveLocation(op: Operation, template: Template, podName: string): Template {
  const repository = op.workflow.status?.artifactRepositoryRef?.artifactRepository;
  const located = withArchiveLocation(template, repository, op.spec);
  if (!located.archiveLocation || located === template) return located;
  const archiveLocation = substituteObject(located.archiveLocation, { ...op.globalParams, 'pod.name': podName }, op.now);
  return { ...located, archiveLocation };
}
