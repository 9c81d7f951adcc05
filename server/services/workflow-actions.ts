import { ApiError, GrpcCode, invalidArgument } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { resubmitWorkflow } from '@/lib/workflows/resubmit-workflow';
import { resumeWorkflow } from '@/lib/workflows/resume-workflow';
import { retryWorkflow } from '@/lib/workflows/retry-workflow';
import { type ShutdownStrategy, shutdownWorkflow } from '@/lib/workflows/shutdown-workflow';
import { type SuspendedNodeValues, setSuspendedNodes } from '@/lib/workflows/suspended-nodes';
import { suspendWorkflow } from '@/lib/workflows/suspend-workflow';
import type { ClusterPort } from '../cluster/cluster-port';
import { newCreateContext } from '../cluster/random-names';
import { changeResource } from './change-resource';
import { checkValid } from './validation';
import { findWorkflow } from './workflow-service';
import { numberCreated } from '../history/number-created';
import { withInstanceLabel } from './instance-label';

type WorkflowObject = Workflow & KubeObject;

// Each action resolves the name first (so `@latest` works and a missing workflow is a 404), then changes the
// workflow with a pure function from lib/workflows, retrying when the controller wrote in between.
async function changeWorkflow(cluster: ClusterPort, namespace: string, name: string, change: (wf: WorkflowObject) => Workflow | undefined) {
  const { metadata } = await findWorkflow(cluster, namespace, name);
  return changeResource<WorkflowObject>(cluster, 'workflows', namespace, metadata.name ?? name, (wf) => change(wf) as WorkflowObject | undefined);
}

export function suspend(cluster: ClusterPort, namespace: string, name: string) {
  return changeWorkflow(cluster, namespace, name, suspendWorkflow);
}

export function resume(cluster: ClusterPort, namespace: string, name: string, nodeFieldSelector?: string) {
  return changeWorkflow(cluster, namespace, name, (wf) => resumeWorkflow(wf, new Date(), nodeFieldSelector));
}

/** `stop` and `terminate`; `stop` with a node field selector fails the matching suspend nodes instead. */
export function shutdown(cluster: ClusterPort, namespace: string, name: string, strategy: ShutdownStrategy, node?: { selector?: string; message?: string }) {
  if (node?.selector) {
    const values: SuspendedNodeValues = { phase: 'Failed', message: node.message };
    return changeWorkflow(cluster, namespace, name, (wf) => setSuspendedNodes(wf, node.selector!, values, new Date()));
  }
  return changeWorkflow(cluster, namespace, name, (wf) => shutdownWorkflow(wf, strategy));
}

export interface SetRequest {
  nodeFieldSelector?: string;
  phase?: string;
  message?: string;
  /** JSON object of output parameter values, as the CLI sends it. */
  outputParameters?: string;
}

/** `argo node set`: phase, message or supplied outputs of suspend nodes. */
export function setNodes(cluster: ClusterPort, namespace: string, name: string, request: SetRequest) {
  const phase = request.phase ?? '';
  if (!['Succeeded', 'Failed', 'Error', ''].includes(phase)) throw invalidArgument(`${phase} is an invalid phase to set to`);
  let outputParameters: Record<string, string> | undefined;
  if (request.outputParameters) {
    try {
      outputParameters = JSON.parse(request.outputParameters) as Record<string, string>;
    } catch (error) {
      throw invalidArgument(`unable to parse output parameter set request: ${(error as Error).message}`);
    }
  }
  if (!request.nodeFieldSelector) {
    throw new ApiError(GrpcCode.Internal, "'set' currently only targets suspend nodes, use a node field selector to target them");
  }
  const values = { phase: phase as SuspendedNodeValues['phase'], message: request.message, outputParameters };
  return changeWorkflow(cluster, namespace, name, (wf) => setSuspendedNodes(wf, request.nodeFieldSelector!, values, new Date()));
}

export interface RetryRequest {
  restartSuccessful?: boolean;
  nodeFieldSelector?: string;
  parameters?: string[];
}

/**
 * `argo retry`: resets the failed part of the workflow for the controller to run again. The pods of removed nodes
 * are the controller's to clean up: it owns them in both modes.
 */
export function retry(cluster: ClusterPort, namespace: string, name: string, request: RetryRequest) {
  return changeWorkflow(cluster, namespace, name, (wf) => retryWorkflow(wf, { ...request, now: new Date() }).workflow);
}

/** `argo resubmit`: a new workflow from this one's spec. */
export async function resubmit(cluster: ClusterPort, namespace: string, name: string, request: { memoized?: boolean; parameters?: string[] }) {
  const workflow = await findWorkflow(cluster, namespace, name);
  const created = resubmitWorkflow(workflow, { ...request, now: new Date(), nameSuffix: newCreateContext().nameSuffix });
  const object = { ...created, metadata: { ...created.metadata, namespace } } as WorkflowObject;
  await checkValid(cluster, 'Workflow', object, namespace, { lint: false, submit: true });
  return numberCreated(await cluster.create('workflows', namespace, withInstanceLabel(object)));
}
