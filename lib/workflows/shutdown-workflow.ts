import { ApiError, GrpcCode } from '../api-error';
import type { Workflow } from '../generated/argo';
import { isCompleted } from '../engine/phases';

export type ShutdownStrategy = 'Stop' | 'Terminate';

/**
 * `argo stop` / `argo terminate`: sets `spec.shutdown`, which makes the controller stop scheduling
 * (Stop still runs exit handlers; Terminate does not). A completed workflow cannot be shut down.
 */
export function shutdownWorkflow(workflow: Workflow, strategy: ShutdownStrategy): Workflow {
  if (isCompleted(workflow.status?.phase)) {
    throw new ApiError(
      GrpcCode.Internal,
      `cannot shutdown a completed workflow: workflow: "${workflow.metadata.name}", namespace: "${workflow.metadata.namespace}"`,
    );
  }
  return { ...workflow, spec: { ...workflow.spec, shutdown: strategy } };
}
