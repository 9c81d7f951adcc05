import { invalidArgument } from '../api-error';
import type { NodeStatus, Workflow } from '../generated/argo';
import { toNodeId } from '../engine/node-names';
import { toKubeTime } from '../k8s/object';
import { descendantSucceeded } from './node-tree';
import { overrideParameters } from './override-parameters';
import { workflowLabels } from './workflow-labels';

export interface ResubmitOptions {
  /** Reuse the succeeded steps of a failed workflow (`argo resubmit --memoized`). */
  memoized?: boolean;
  parameters?: string[];
  now: Date;
  /** Five lowercase alphanumerics for the new name in memoized mode, as Kubernetes' generateName would add. */
  nameSuffix: string;
}

// Labels describing the old run, not the user's intent: the new workflow gets its own.
const runLabels = new Set<string>([
  workflowLabels.creator, workflowLabels.creatorEmail, workflowLabels.creatorPreferredUsername,
  workflowLabels.phase, workflowLabels.completed, workflowLabels.archivingStatus,
]);

/**
 * `argo resubmit`, as Argo's `FormulateResubmitWorkflow`: a new workflow with the old one's spec, user labels and
 * annotations, labelled `resubmitted-from-workflow`. In memoized mode (failed workflows only) the old nodes are
 * carried over under the new name: succeeded pods become Skipped, the rest Pending to run again.
 */
export function resubmitWorkflow(workflow: Workflow, options: ResubmitOptions): Workflow {
  const oldName = workflow.metadata.name ?? '';
  const generateName = workflow.metadata.generateName || `${oldName}-`;
  if (options.memoized && !['Failed', 'Error'].includes(workflow.status?.phase ?? '')) {
    throw invalidArgument('workflow must be Failed/Error to resubmit in memoized mode');
  }
  const newName = options.memoized ? `${generateName}${options.nameSuffix}` : undefined;
  const spec = structuredClone(workflow.spec);
  if (spec.activeDeadlineSeconds === 0) delete spec.activeDeadlineSeconds;
  delete spec.shutdown;
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(workflow.metadata.labels ?? {})) if (!runLabels.has(key)) labels[key] = value;
  labels[workflowLabels.resubmittedFrom] = oldName;
  const resubmitted: Workflow = {
    ...(workflow.apiVersion ? { apiVersion: workflow.apiVersion } : {}),
    ...(workflow.kind ? { kind: workflow.kind } : {}),
    metadata: {
      ...(newName ? { name: newName } : {}),
      generateName,
      labels,
      annotations: { ...workflow.metadata.annotations },
      ...(workflow.metadata.ownerReferences?.length ? { ownerReferences: structuredClone(workflow.metadata.ownerReferences) } : {}),
    },
    spec: overrideParameters(spec, options.parameters),
  };
  if (!newName) return resubmitted;
  resubmitted.status = {
    nodes: memoizedNodes(workflow, newName, options.now),
    storedTemplates: structuredClone(workflow.status?.storedTemplates ?? {}),
    conditions: [{ status: 'False', type: 'Completed' }],
  };
  return resubmitted;
}

function memoizedNodes(workflow: Workflow, newName: string, now: Date): Record<string, NodeStatus> {
  const oldName = workflow.metadata.name ?? '';
  const oldNodes = workflow.status?.nodes ?? {};
  const rename = (name: string) => (name.startsWith(oldName) ? newName + name.slice(oldName.length) : name);
  const convertId = (id: string) => toNodeId(newName, rename(oldNodes[id]?.name ?? ''));
  const nodes: Record<string, NodeStatus> = {};
  for (const node of Object.values(oldNodes)) {
    if (node.name.startsWith(`${oldName}.onExit`)) continue;
    const failed = node.phase === 'Failed' || node.phase === 'Error';
    const copy: NodeStatus = structuredClone(node);
    copy.name = rename(node.name);
    copy.id = toNodeId(newName, copy.name);
    if (node.boundaryID) copy.boundaryID = convertId(node.boundaryID);
    if (failed && node.type === 'Pod') {
      delete copy.startedAt;
      delete copy.finishedAt;
    } else {
      copy.startedAt = copy.finishedAt = toKubeTime(now);
    }
    if (node.children) copy.children = node.children.map(convertId);
    if (node.outboundNodes) copy.outboundNodes = node.outboundNodes.map(convertId);
    if (!failed && node.type === 'Pod') {
      copy.phase = 'Skipped';
      copy.type = 'Skipped';
      copy.message = `original pod: ${node.id}`;
    } else if (node.type === 'Skipped' && !descendantSucceeded(oldNodes, node, new Set())) {
      continue;
    } else {
      copy.phase = 'Pending';
      delete copy.message;
    }
    nodes[copy.id] = copy;
  }
  return nodes;
}
