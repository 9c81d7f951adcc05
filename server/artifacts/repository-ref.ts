import { ArtifactRepositoryError } from '@/lib/artifacts/resolve-repository';
import type { EngineOutput } from '@/lib/engine/types';
import type { Workflow } from '@/lib/generated/argo';
import { toKubeTime } from '@/lib/k8s/object';
import type { ArtifactRepositories } from './repositories';

/**
 * The workflow with `status.artifactRepositoryRef` resolved once, at its first reconcile (Argo records it so a
 * later ConfigMap change never moves a running workflow's artifacts). When it cannot be resolved the workflow
 * ends in Error, as in Argo: `failed` is the status to save instead of running the engine.
 */
export async function withArtifactRepositoryRef(
  workflow: Workflow,
  repositories: ArtifactRepositories | undefined,
  now: Date,
): Promise<{ workflow: Workflow; failed?: EngineOutput }> {
  if (!repositories || workflow.status?.artifactRepositoryRef) return { workflow };
  try {
    const artifactRepositoryRef = await repositories.resolve(workflow);
    return { workflow: { ...workflow, status: { ...(workflow.status ?? {}), artifactRepositoryRef } } };
  } catch (error) {
    // Other errors (the API unreachable) are retried by the controller's queue.
    if (!(error instanceof ArtifactRepositoryError)) throw error;
    const time = toKubeTime(now);
    const message = `failed to resolve artifact repository: ${error.message}`;
    const status = { ...(workflow.status ?? {}), phase: 'Error', message, startedAt: workflow.status?.startedAt ?? time, finishedAt: time };
    return { workflow, failed: { status, actions: [], changed: true } };
  }
}
