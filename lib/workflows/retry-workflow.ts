import { ApiError, GrpcCode, invalidArgument } from '../api-error';
import type { NodeStatus, Workflow } from '../generated/argo';
import { toPodName } from '../engine/node-names';
import { toKubeTime } from '../k8s/object';
import { matchesFields, parseFieldSelector } from './field-selector';
import { toNodeFields, templateOfNode } from './node-fields';
import { overrideParameters } from './override-parameters';
import { workflowLabels } from './workflow-labels';
import { type DagNode, buildNodeTree, childrenOf, descendantSucceeded, sortBreadthFirst } from './node-tree';

export interface RetryOptions {
  restartSuccessful?: boolean;
  nodeFieldSelector?: string;
  parameters?: string[];
  now: Date;
}

export interface RetryResult {
  workflow: Workflow;
  /** Pods of removed nodes, which must be deleted before the workflow runs again. */
  podsToDelete: string[];
}

const internal = (message: string) => new ApiError(GrpcCode.Internal, message);
const groupTypes = new Set(['DAG', 'TaskGroup', 'StepGroup', 'Steps']);
const executionTypes = new Set(['Container', 'Pod', 'HTTP', 'Plugin']);
const failedOrError = (phase: string | undefined) => phase === 'Failed' || phase === 'Error';

/**
 * `argo retry`, as Argo's `FormulateRetryWorkflow`: failed (or selected, with `restartSuccessful`) nodes and
 * their descendants are removed, the nodes on their paths to the root are reset to Running, and the
 * workflow's phase is cleared so the controller runs the removed parts again.
 */
export function retryWorkflow(workflow: Workflow, options: RetryOptions): RetryResult {
  const phase = workflow.status?.phase ?? '';
  if (phase === 'Succeeded') {
    if (!options.restartSuccessful || !options.nodeFieldSelector) {
      throw invalidArgument('To retry a succeeded workflow, set the options restartSuccessful and nodeFieldSelector');
    }
  } else if (!failedOrError(phase)) {
    throw invalidArgument(`Cannot retry a workflow in phase ${phase}`);
  }
  const name = workflow.metadata.name ?? '';
  const nodes = workflow.status?.nodes ?? {};
  const onExitName = `${name}.onExit`;
  const retried = newRetryWorkflow(workflow, options);
  const newNodes: Record<string, NodeStatus> = {};

  const toRestart = selectedNodes(options, nodes);
  for (const [id, node] of Object.entries(nodes)) {
    if (!failedOrError(node.phase) || !executionTypes.has(node.type ?? '')) continue;
    const subject = node.nodeFlag?.retried ? Object.values(nodes).find((n) => n.type === 'Retry' && n.children?.includes(id)) : node;
    if (!subject || !descendantSucceeded(nodes, subject, toRestart)) toRestart.add(id);
  }

  const tree = buildNodeTree(name, nodes);
  const sorted = sortBreadthFirst(tree, name);
  const toReset = new Set<string>();
  const toDelete = new Set<string>();
  for (const node of sorted) {
    if (!toRestart.has(node.node.id) || toDelete.has(node.node.id)) continue;
    resetPath(sorted, node.node.id, toReset, toDelete);
  }
  // New parameter values can change how groups expand, so their children are rebuilt (Argo #15802).
  if (options.parameters?.length) {
    for (const id of toReset) {
      const node = nodes[id];
      if (toDelete.has(id) || !node || (node.type !== 'TaskGroup' && node.type !== 'StepGroup')) continue;
      const dagNode = tree.get(id);
      if (dagNode) for (const child of childrenOf(dagNode)) toDelete.add(child);
    }
  }
  for (const id of toReset) {
    const node = nodes[id];
    if (!toDelete.has(id) && node) newNodes[id] = resetNode(structuredClone(node), options.now);
  }

  const pods = new Set<string>();
  const addPod = (node: NodeStatus) => pods.add(toPodName(name, node.name, templateOfNode(node)));
  for (const id of toDelete) if (nodes[id]?.type === 'Pod') addPod(nodes[id]);
  for (const [id, node] of Object.entries(nodes)) {
    const remove = toDelete.has(id) || node.name.startsWith(onExitName);
    if (!newNodes[id] && !remove) newNodes[id] = structuredClone(node);
    if (node.name === onExitName) {
      const queue = [node];
      for (let current = queue.shift(); current; current = queue.shift()) {
        addPod(current);
        for (const child of current.children ?? []) {
          const childNode = nodes[child];
          if (!childNode) throw internal(`was unable to obtain node for ${child}`);
          queue.push(childNode);
        }
      }
    }
  }
  for (const node of Object.values(newNodes)) {
    const children = (node.children ?? []).filter((c) => !toDelete.has(c));
    const outbound = (node.outboundNodes ?? []).filter((c) => !toDelete.has(c));
    if (children.length) node.children = children;
    else delete node.children;
    if (outbound.length) node.outboundNodes = outbound;
    else delete node.outboundNodes;
  }
  retried.status = { ...retried.status, nodes: newNodes };
  return { workflow: retried, podsToDelete: [...pods] };
}

function newRetryWorkflow(workflow: Workflow, options: RetryOptions): Workflow {
  const copy = structuredClone(workflow);
  const labels = { ...copy.metadata.labels };
  delete labels[workflowLabels.completed];
  delete labels[workflowLabels.archivingStatus];
  copy.metadata.labels = labels;
  const status = { ...copy.status };
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'Completed');
  status.conditions = [...conditions, { status: 'False', type: 'Completed' }];
  delete status.phase;
  delete status.message;
  delete status.finishedAt;
  delete status.persistentVolumeClaims;
  status.startedAt = toKubeTime(options.now);
  if (status.storedWorkflowTemplateSpec) {
    status.storedWorkflowTemplateSpec = { ...status.storedWorkflowTemplateSpec };
    delete status.storedWorkflowTemplateSpec.shutdown;
  }
  copy.status = status;
  const spec = { ...copy.spec };
  delete spec.shutdown;
  // A terminated workflow had its deadline set to 0: running it again needs no deadline.
  if (spec.activeDeadlineSeconds === 0) delete spec.activeDeadlineSeconds;
  copy.spec = overrideParameters(spec, options.parameters);
  return copy;
}

function selectedNodes(options: RetryOptions, nodes: Record<string, NodeStatus>): Set<string> {
  const ids = new Set<string>();
  if (!options.restartSuccessful || !options.nodeFieldSelector) return ids;
  let selector;
  try {
    selector = parseFieldSelector(options.nodeFieldSelector);
  } catch (error) {
    throw internal((error as Error).message);
  }
  for (const node of Object.values(nodes)) if (matchesFields(toNodeFields(node), selector)) ids.add(node.id);
  return ids;
}

function resetNode(node: NodeStatus, now: Date): NodeStatus {
  if (node.type === 'Suspend' && node.outputs?.parameters) {
    node.outputs.parameters = node.outputs.parameters.map((p) => ({ name: p.name, valueFrom: { supplied: {} } }));
  }
  if (node.phase !== 'Skipped') node.phase = 'Running';
  delete node.message;
  node.startedAt = toKubeTime(now);
  delete node.finishedAt;
  return node;
}

/** Marks for reset the group, retry and pod nodes between `startId` and the root, and for deletion `startId`'s subtree. */
function resetPath(sorted: DagNode[], startId: string, toReset: Set<string>, toDelete: Set<string>): void {
  const path = pathFromRoot(sorted, startId);
  let current: DagNode | undefined = path[path.length - 1]!;
  toDelete.add(current.node.id);
  for (const child of childrenOf(current)) toDelete.add(child);
  if (path.length <= 1) return;
  while (current) {
    const type = current.node.type ?? '';
    if (groupTypes.has(type)) {
      toReset.add(current.node.id);
      current = resetBoundaries(current, toReset);
      continue;
    }
    if (type === 'Retry' && failedOrError(current.node.phase)) toReset.add(current.node.id);
    if (type === 'Container') {
      current = resetPod(current, toReset, toDelete);
      continue;
    }
    current = current.parent;
  }
}

function pathFromRoot(sorted: DagNode[], id: string): DagNode[] {
  const root = sorted.find((n) => !n.parent);
  const leaf = sorted.find((n) => n.node.id === id);
  if (!root) throw internal('was unable to find root');
  if (!leaf) throw internal(`was unable to find ${id}`);
  const path: DagNode[] = [];
  for (let current: DagNode | undefined = leaf; ; current = current.parent) {
    if (!current) throw internal('parent was nil but curr is not the root node');
    path.unshift(current);
    if (current === root) return path;
  }
}

function resetUntil(start: DagNode, match: (n: DagNode) => boolean, toReset: Set<string>): DagNode {
  for (let current: DagNode | undefined = start; current; current = current.parent) {
    if (match(current)) {
      toReset.add(current.node.id);
      return current;
    }
  }
  throw internal('was seeking node but ran out of nodes to explore');
}

function resetBoundaries(start: DagNode, toReset: Set<string>): DagNode | undefined {
  let current: DagNode | undefined = start;
  while (current) {
    if (current.parent?.node.type === 'Retry') {
      toReset.add(current.parent.node.id);
      current = current.parent;
    }
    const parentType = current.parent?.node.type;
    if (current.parent && (parentType === 'StepGroup' || parentType === 'TaskGroup')) toReset.add(current.parent.node.id);
    const boundary = current.node.boundaryID;
    if (!boundary) return current.parent;
    current = resetUntil(current, (n) => n.node.id === boundary, toReset);
  }
  return current;
}

function resetPod(start: DagNode, toReset: Set<string>, toDelete: Set<string>): DagNode {
  const pod = resetUntil(start, (n) => n.node.type === 'Pod', toReset);
  toDelete.add(pod.node.id);
  for (const child of childrenOf(pod)) toDelete.add(child);
  return pod;
}
