import { ApiError, GrpcCode } from '../api-error';
import type { NodeStatus, Outputs, Parameter, Workflow } from '../generated/argo';
import { toKubeTime } from '../k8s/object';
import { matchesFields, parseFieldSelector } from './field-selector';
import { toNodeFields } from './node-fields';

/** A suspend node that is waiting to be resumed (Argo's `IsActiveSuspendNode`). */
export function isActiveSuspendNode(node: NodeStatus): boolean {
  return node.type === 'Suspend' && node.phase === 'Running';
}

/** What `argo node set`, `argo resume --node-field-selector` and `argo stop --node-field-selector` change. */
export interface SuspendedNodeValues {
  phase?: 'Succeeded' | 'Failed' | 'Error' | '';
  message?: string;
  /** Values for the node's `valueFrom.supplied` output parameters. */
  outputParameters?: Record<string, string>;
}

const internal = (message: string) => new ApiError(GrpcCode.Internal, message);

/**
 * Updates the active suspend nodes that match a node field selector, as Argo's `updateSuspendedNode`;
 * supplied output parameters with a `globalName` also become workflow outputs. Throws when no node matches.
 */
export function setSuspendedNodes(workflow: Workflow, nodeFieldSelector: string, values: SuspendedNodeValues, now: Date): Workflow {
  let selector;
  try {
    selector = parseFieldSelector(nodeFieldSelector);
  } catch (error) {
    throw internal((error as Error).message);
  }
  const result = structuredClone(workflow);
  const nodes = result.status?.nodes ?? {};
  let updated = false;
  for (const node of Object.values(nodes)) {
    if (!isActiveSuspendNode(node) || !matchesFields(toNodeFields(node), selector)) continue;
    if (values.phase) {
      node.phase = values.phase;
      if (node.taskResultSynced !== false) node.finishedAt = toKubeTime(now);
      updated = true;
    }
    if (values.message) {
      node.message = values.message;
      updated = true;
    }
    for (const [name, value] of Object.entries(values.outputParameters ?? {})) {
      if (!node.outputs) throw internal('cannot set output parameters because node is not expecting any raw parameters');
      const param = node.outputs.parameters?.find((p) => p.name === name);
      if (!param) throw internal(`node is not expecting output parameter '${name}'`);
      if (!param.valueFrom?.supplied) {
        throw internal(`cannot set output parameter '${name}' because it does not use valueFrom.raw or it was already set`);
      }
      param.value = value;
      delete param.valueFrom;
      updated = true;
      addToGlobalOutputs(result, param);
    }
  }
  if (!updated) throw internal(`currently, set only targets suspend nodes: no suspend nodes matching nodeFieldSelector: ${nodeFieldSelector}`);
  return result;
}

/** Supplied parameters without a value take their default when a node is resumed; no default is an error. */
export function useDefaultsForSuppliedOutputs(outputs: Outputs | undefined): void {
  for (const param of outputs?.parameters ?? []) {
    if (!param.valueFrom?.supplied) continue;
    if (param.valueFrom.default === undefined) {
      throw internal(`raw output parameter '${param.name}' has not been set and does not have a default value`);
    }
    param.value = param.valueFrom.default;
    delete param.valueFrom;
  }
}

function addToGlobalOutputs(workflow: Workflow, param: Parameter): void {
  if (!param.globalName) return;
  const status = (workflow.status ??= {});
  const outputs = (status.outputs ??= {});
  const parameters = (outputs.parameters ??= []);
  const existing = parameters.find((p) => p.name === param.globalName);
  if (existing) existing.value = param.value;
  else parameters.push({ name: param.globalName, value: param.value });
}
