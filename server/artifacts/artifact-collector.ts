import { isApiError } from '@/lib/api-error';
import { relocate } from '@/lib/artifacts/artifact-key';
import { collectableArtifacts, type GCStrategy } from '@/lib/artifacts/artifact-gc';
import { toArchiveLocation } from '@/lib/artifacts/artifact-location';
import { repositoryOf } from '@/lib/artifacts/resolve-repository';
import type { Workflow, WorkflowStatus } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { EventRecorder } from '../controller/event-recorder';
import type { Logger } from '../logger';
import type { ArtifactRuntime } from './artifact-runtime';
import { openStore } from './open-store';

/** What one collection did: the artifacts deleted (by node and name) and why others could not be. */
export interface CollectionResult {
  deleted: { nodeId: string; name: string }[];
  failures: string[];
}

/**
 * Argo's artifact garbage collection, done by Capstan itself (no GC pods): deletes the objects of the workflow's
 * output artifacts whose strategy (their own `artifactGC`, else the workflow's) matches, and nothing else. A
 * directory saved with `archive: none` is every object under its key.
 */
export async function collectWorkflowArtifacts(workflow: Workflow, strategy: Exclude<GCStrategy, 'Never'>, runtime: ArtifactRuntime): Promise<CollectionResult> {
  const namespace = workflow.metadata.namespace ?? '';
  const location = toArchiveLocation(repositoryOf(workflow.status?.artifactRepositoryRef, undefined));
  const result: CollectionResult = { deleted: [], failures: [] };
  for (const { nodeId, artifact } of collectableArtifacts(workflow, strategy)) {
    try {
      const { store, key } = await openStore(relocate(artifact, location), { namespace, secrets: runtime.secrets, localRoot: runtime.localRoot });
      if (!key) continue;
      const under = await store.list(`${key.replace(/\/+$/, '')}/`);
      for (const object of [key, ...under]) {
        await store.delete(object).catch((error: unknown) => {
          // Gone already is what we wanted.
          if (!(isApiError(error) && error.code === 5)) throw error;
        });
      }
      result.deleted.push({ nodeId, name: artifact.name });
    } catch (error) {
      result.failures.push(`${artifact.name} (node ${nodeId}): ${(error as Error).message}`);
    }
  }
  return result;
}

/** The status after a collection: deleted artifacts marked `deleted: true`, the strategy processed, failures as a condition. */
export function withCollection(status: WorkflowStatus, strategy: GCStrategy, result: CollectionResult): WorkflowStatus {
  const nodes = structuredClone(status.nodes ?? {});
  for (const { nodeId, name } of result.deleted) {
    const artifact = nodes[nodeId]?.outputs?.artifacts?.find((a) => a.name === name);
    if (artifact) artifact.deleted = true;
  }
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'ArtifactGCError');
  if (result.failures.length) conditions.push({ type: 'ArtifactGCError', status: 'True', message: `failed to delete artifacts: ${result.failures.join('; ')}` });
  return {
    ...status,
    nodes,
    conditions,
    artifactGCStatus: { ...(status.artifactGCStatus ?? {}), strategiesProcessed: { ...(status.artifactGCStatus?.strategiesProcessed ?? {}), [strategy]: true } },
  };
}

/** Runs collections for the controller: on completion it records the result on the workflow; on deletion it logs it. */
export class ArtifactCollector {
  /**
   * `events` records a failed collection as Argo's controller does (a Warning Event `ArtifactGCFailed` on the workflow),
   * through the controller's event recorder (EventRecorder: correlated, written in the background).
   */
  constructor(private readonly runtime: ArtifactRuntime, private readonly logger: Logger, private readonly events?: Pick<EventRecorder, 'record'>) {}

  /** OnWorkflowCompletion: the new status to save, or undefined when there was nothing to collect. */
  async onCompleted(workflow: Workflow): Promise<WorkflowStatus | undefined> {
    if (workflow.status?.artifactGCStatus?.strategiesProcessed?.['OnWorkflowCompletion']) return undefined;
    if (collectableArtifacts(workflow, 'OnWorkflowCompletion').length === 0) return undefined;
    const result = await collectWorkflowArtifacts(workflow, 'OnWorkflowCompletion', this.runtime);
    await this.report(workflow, 'OnWorkflowCompletion', result);
    return withCollection(workflow.status ?? {}, 'OnWorkflowCompletion', result);
  }

  /**
   * OnWorkflowDeletion while the workflow is held by Argo's finalizer (kubernetes mode): the status to save, with
   * failures as an ArtifactGCError condition, and whether any deletion failed.
   */
  async onDeletionRequested(workflow: Workflow): Promise<{ status: WorkflowStatus; failed: boolean }> {
    const result = await collectWorkflowArtifacts(workflow, 'OnWorkflowDeletion', this.runtime);
    await this.report(workflow, 'OnWorkflowDeletion', result);
    return { status: withCollection(workflow.status ?? {}, 'OnWorkflowDeletion', result), failed: result.failures.length > 0 };
  }

  /**
   * OnWorkflowDeletion once the workflow is gone: embedded mode (its store keeps no finalizers), or a workflow that
   * was deleted without the finalizer. It is gone, so failures can only be logged.
   */
  async onDeleted(workflow: Workflow): Promise<void> {
    if (workflow.status?.artifactGCStatus?.strategiesProcessed?.['OnWorkflowDeletion']) return;
    if (collectableArtifacts(workflow, 'OnWorkflowDeletion').length === 0) return;
    await this.report(workflow, 'OnWorkflowDeletion', await collectWorkflowArtifacts(workflow, 'OnWorkflowDeletion', this.runtime));
  }

  private async report(workflow: Workflow, strategy: GCStrategy, result: CollectionResult): Promise<void> {
    const where = { workflow: `${workflow.metadata.namespace}/${workflow.metadata.name}`, strategy, deleted: result.deleted.length };
    if (!result.failures.length) {
      this.logger.info(where, 'artifacts garbage-collected');
      return;
    }
    this.logger.warn({ ...where, failures: result.failures }, 'artifact garbage collection failed for some artifacts');
    // One Event per failure, not per retry: a workflow held by the finalizer is tried again every minute, and a
    // retry failing the same way (its condition already says so) adds nothing.
    const previous = workflow.status?.conditions?.find((c) => c.type === 'ArtifactGCError')?.message;
    if (!this.events || previous === withCollection({}, strategy, result).conditions?.[0]?.message) return;
    const message = `Artifact Garbage Collection failed for strategy ${strategy}, err:${result.failures[0]}`;
    this.events.record(workflow as unknown as KubeObject, { type: 'Warning', reason: 'ArtifactGCFailed', message });
  }
}
