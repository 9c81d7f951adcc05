import type { NodeStatus } from '../generated/argo';
import type { Operation } from './operation';
import { isFulfilled } from './phases';
import type { PodObservation } from './types';

/** Brings Pod nodes up to date with what was observed of their pods, as Argo's podReconciliation. */
export function applyPodObservations(op: Operation): void {
  for (const node of Object.values(op.nodes)) {
    if (node.type !== 'Pod' || isFulfilled(node.phase)) continue;
    const pod = op.pods[node.id];
    if (pod) applyObservation(node, pod, op.nowText, isDaemon(op, node));
  }
}

// Best effort: daemons are declared on the template, which a node names.
function isDaemon(op: Operation, node: NodeStatus): boolean {
  if (!node.templateName) return false;
  return op.localScope.templates.some((t) => t.name === node.templateName && t.daemon === true);
}

function applyObservation(node: NodeStatus, pod: PodObservation, now: string, daemon: boolean): void {
  node.phase = pod.phase;
  if (pod.message) node.message = pod.message;
  if (pod.hostNodeName) node.hostNodeName = pod.hostNodeName;
  // Argo records a pod's IP on its node only for daemon templates.
  if (daemon && pod.podIP) node.podIP = pod.podIP;
  if (!isFulfilled(pod.phase)) return;
  node.finishedAt = pod.finishedAt ?? now;
  const outputs = { ...(node.outputs ?? {}) };
  if (pod.outputs?.result !== undefined) outputs.result = pod.outputs.result;
  if (pod.outputs?.parameters?.length) outputs.parameters = pod.outputs.parameters.map((p) => ({ name: p.name, value: p.value }));
  if (pod.outputs?.artifacts?.length) outputs.artifacts = pod.outputs.artifacts as never;
  if (pod.exitCode !== undefined) outputs.exitCode = String(pod.exitCode);
  if (Object.keys(outputs).length) node.outputs = outputs;
  node.taskResultSynced = true;
}
