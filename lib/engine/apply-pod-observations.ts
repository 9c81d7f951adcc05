import type { NodeStatus } from '../generated/argo';
import { applyContainerObservations } from './container-set';
import { cloneJson } from './clone-json';
import type { Operation } from './operation';
import { isFulfilled } from './phases';
import type { PodObservation } from './types';

/** Brings Pod and HTTP nodes up to date with what was observed of their pods (or requests), as Argo's podReconciliation. */
export function applyPodObservations(op: Operation): void {
  const nodeList = op.nodeList;
  // Whether a template is a daemon, by scope and name: thousands of pods of a fan-out share one template.
  const daemons = new Map<string, Map<string, boolean>>();
  for (let index = 0; index < nodeList.length; index++) {
    const node = nodeList[index]!;
    if ((node.type !== 'Pod' && node.type !== 'HTTP') || isFulfilled(node.phase)) continue;
    const pod = op.pods[node.id];
    if (!pod) continue;
    let daemon: boolean;
    if (node.type !== 'Pod') daemon = false;
    else if (node.templateRef) daemon = isDaemon(op, node);
    else {
      let byName = daemons.get(node.templateScope ?? '');
      if (byName === undefined) daemons.set(node.templateScope ?? '', (byName = new Map()));
      let known = byName.get(node.templateName ?? '');
      if (known === undefined) byName.set(node.templateName ?? '', (known = isDaemon(op, node)));
      daemon = known;
    }
    // Most pods of a big workflow are as they were last time: their nodes are left shared, not copied.
    if (changesNode(node, pod, daemon)) applyObservation(op.own(node), pod, op.nowText, daemon);
    if (pod.containers?.length) applyContainerObservations(op, node, pod.containers, pod.phase === 'Failed' || pod.phase === 'Error');
  }
}

/** Whether applyObservation would change the node (an unfulfilled one). */
function changesNode(node: NodeStatus, pod: PodObservation, daemon: boolean): boolean {
  if (isFulfilled(pod.phase) || node.phase !== pod.phase) return true;
  if (daemon && pod.phase === 'Running' ? node.daemoned !== true : node.daemoned !== undefined) return true;
  if (pod.message && node.message !== pod.message) return true;
  if (pod.hostNodeName && node.hostNodeName !== pod.hostNodeName) return true;
  return daemon && !!pod.podIP && node.podIP !== pod.podIP;
}

// Daemons are declared on the template the node was started from.
function isDaemon(op: Operation, node: NodeStatus): boolean {
  return node.type === 'Pod' && op.templateOfNode(node)?.daemon === true;
}

function applyObservation(node: NodeStatus, pod: PodObservation, now: string, daemon: boolean): void {
  node.phase = pod.phase;
  // A daemon that runs serves the steps after it (`daemoned`); one that ends on its own has failed, as in Argo.
  if (daemon && pod.phase === 'Running') node.daemoned = true;
  // Deleted only when there: deleting a property slows every later access to the object.
  else if (node.daemoned !== undefined) delete node.daemoned;
  if (daemon && pod.phase === 'Succeeded') node.phase = 'Failed';
  if (pod.message) node.message = pod.message;
  if (pod.hostNodeName) node.hostNodeName = pod.hostNodeName;
  // Argo records a pod's IP on its node only for daemon templates.
  if (daemon && pod.podIP) node.podIP = pod.podIP;
  if (!isFulfilled(pod.phase)) return;
  node.finishedAt = pod.finishedAt ?? now;
  const outputs = { ...(node.outputs ?? {}) };
  if (pod.outputs?.result !== undefined) outputs.result = pod.outputs.result;
  if (pod.outputs?.parameters?.length) outputs.parameters = pod.outputs.parameters.map((p) => ({ name: p.name, value: p.value }));
  // A copy: the node is sealed (frozen) once written, and the observation is the caller's.
  if (pod.outputs?.artifacts?.length) outputs.artifacts = cloneJson(pod.outputs.artifacts) as never;
  if (pod.exitCode !== undefined) outputs.exitCode = String(pod.exitCode);
  if (Object.keys(outputs).length) node.outputs = outputs;
  if (node.type === 'Pod') node.taskResultSynced = true;
}
