import type { ContainerObservation, PodObservation } from '../engine/types';
import type { Template } from '../generated/argo';
import type { ObservedContainerStatus, ObservedPod, ObservedTaskResult } from './observed-pod';

type Phase = PodObservation['phase'];

/**
 * What a pod (and its WorkflowTaskResult) says about its node, as Argo's assessNodeStatus: the pod's phase, the
 * reason it failed (inferFailedReason), main's exit code, the node it ran on, and the outputs argoexec reported.
 * A finished pod stays Running while its wait container or its outputs are not done yet.
 */
export function toPodObservation(pod: ObservedPod, taskResult?: ObservedTaskResult): PodObservation {
  const template = templateOf(pod);
  const statuses = pod.status?.containerStatuses ?? [];
  const decided = toPhase(pod, template);
  const message = decided.message;
  let phase = decided.phase;

  const wait = statuses.find((c) => c.name === 'wait');
  // The wait container may still be saving outputs: a finished main does not finish the node yet.
  if (wait?.state?.running && isCompleted(phase) && pod.status?.phase !== 'Failed') phase = 'Running';
  const resultComplete = taskResult?.metadata.labels?.['workflows.argoproj.io/report-outputs-completed'] !== 'false'
    || (wait?.state?.terminated !== undefined && wait.state.terminated.exitCode !== 0)
    || (pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted' && !wait);
  if (phase === 'Succeeded' && !resultComplete) phase = 'Running';
  if (phase === 'Succeeded' && outputsMissing(template, taskResult)) phase = 'Running';

  const main = statuses.find((c) => c.name === 'main')?.state?.terminated;
  const finishedAt = isCompleted(phase) ? latestFinishedAt(pod) : undefined;
  const startedAt = timeText(pod.status?.startTime);
  const outputs = toOutputs(taskResult);
  const containers = template?.containerSet ? toContainerObservations(statuses) : undefined;
  return {
    phase,
    ...(message ? { message } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(main ? { exitCode: main.exitCode } : {}),
    ...(pod.spec?.nodeName ? { hostNodeName: pod.spec.nodeName } : {}),
    ...(pod.status?.podIP ? { podIP: pod.status.podIP } : {}),
    ...(containers?.length ? { containers } : {}),
    ...(outputs ? { outputs } : {}),
  };
}

// The user's containers of a containerSet pod, for its Container nodes.
function toContainerObservations(statuses: ObservedContainerStatus[]): ContainerObservation[] {
  return statuses.filter((c) => c.name !== 'wait' && c.name !== 'init').map((c) => {
    const t = c.state?.terminated;
    if (t) return { name: c.name, state: 'terminated', exitCode: t.exitCode, ...(t.reason ? { reason: t.reason } : {}), ...(t.message ? { message: t.message } : {}) };
    return { name: c.name, state: c.state?.running ? 'running' : 'waiting' };
  });
}

function toOutputs(taskResult: ObservedTaskResult | undefined): PodObservation['outputs'] {
  const outputs = taskResult?.outputs;
  if (!outputs || (outputs.result === undefined && !outputs.parameters?.length && !outputs.artifacts?.length)) return undefined;
  return {
    ...(outputs.result !== undefined ? { result: outputs.result } : {}),
    ...(outputs.parameters?.length ? { parameters: outputs.parameters.map((p) => ({ name: p.name, value: String(p.value ?? '') })) } : {}),
    ...(outputs.artifacts?.length ? { artifacts: outputs.artifacts as { name: string; [key: string]: unknown }[] } : {}),
  };
}

function isCompleted(phase: Phase): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}

function toPhase(pod: ObservedPod, template: Template | undefined): { phase: Phase; message?: string } {
  const podPhase = pod.status?.phase;
  switch (podPhase) {
    case 'Pending':
      return { phase: 'Pending', message: pendingReason(pod) };
    case 'Succeeded':
      // A daemon should run until its boundary ends; one that exits on its own failed.
      return { phase: template?.daemon ? 'Failed' : 'Succeeded' };
    case 'Failed':
      return inferFailedReason(pod);
    case 'Running':
      if (template?.daemon && !(pod.status?.containerStatuses ?? []).every((c) => c.ready)) return { phase: 'Pending' };
      return { phase: 'Running' };
    default:
      return { phase: 'Error', message: `Unexpected pod phase for ${pod.metadata.name}: ${podPhase ?? ''}` };
  }
}

function pendingReason(pod: ObservedPod): string | undefined {
  for (const c of pod.status?.containerStatuses ?? []) {
    const waiting = c.state?.waiting;
    if (waiting) return waiting.message ? `${waiting.reason ?? ''}: ${waiting.message}` : waiting.reason;
  }
  const unschedulable = pod.status?.conditions?.find((c) => c.reason === 'Unschedulable');
  if (unschedulable) return unschedulable.message ? `Unschedulable: ${unschedulable.message}` : 'Unschedulable';
  return undefined;
}

/** Why a Failed pod failed: the pod's own message, else the first failed container, init and main first. */
export function inferFailedReason(pod: ObservedPod): { phase: Phase; message?: string } {
  if (pod.status?.message) return { phase: 'Failed', message: pod.status.message };
  const rank = (name: string) => (name === 'main' ? 1 : name === 'wait' ? 2 : 3);
  const sorted = [...(pod.status?.containerStatuses ?? [])].sort((a, b) => rank(a.name) - rank(b.name));
  const containers: ObservedContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...sorted];
  if (!containers.length) {
    return { phase: 'Failed', message: `can't find failed message for pod ${pod.metadata.name} namespace ${pod.metadata.namespace}` };
  }
  let mainSucceeded = false;
  let waitSucceeded = false;
  for (const c of containers) {
    const waiting = c.state?.waiting;
    if (waiting) return { phase: 'Error', message: `Pod failed before ${c.name} container starts due to ${waiting.reason ?? ''}: ${waiting.message ?? ''}` };
    const t = c.state?.terminated;
    if (!t) continue;
    if (t.exitCode === 0) {
      if (c.name === 'main') mainSucceeded = true;
      else if (c.name === 'wait') waitSucceeded = true;
      continue;
    }
    const message = `${c.name}: ${t.reason ?? ''} (exit code ${t.exitCode})${t.message ? `: ${t.message}` : ''}`;
    if (c.name === 'init' || c.name === 'wait') return { phase: 'Error', message };
    if (c.name === 'main') return { phase: 'Failed', message };
    // A sidecar killed by argoexec (SIGKILL 137, SIGTERM 143) did not fail the pod.
    if (t.exitCode !== 137 && t.exitCode !== 143) return { phase: 'Failed', message };
  }
  if (mainSucceeded && waitSucceeded) return { phase: 'Succeeded' };
  if (mainSucceeded) return { phase: 'Failed', message: 'pod failed: wait container did not complete successfully' };
  if (waitSucceeded) return { phase: 'Failed', message: 'pod failed: main container did not complete successfully' };
  return { phase: 'Failed', message: 'pod failed: neither main nor wait container completed successfully' };
}

// Outputs the template declares must arrive before the node may succeed (parameters, required artifacts, result).
function outputsMissing(template: Template | undefined, taskResult: ObservedTaskResult | undefined): boolean {
  const declared = template?.outputs;
  if (!declared) return false;
  const got = taskResult?.outputs;
  if (declared.parameters?.length && !got?.parameters) return true;
  if (declared.artifacts?.some((a) => !a.optional) && !got?.artifacts) return true;
  return declared.result !== undefined && got?.result === undefined;
}

function latestFinishedAt(pod: ObservedPod): string | undefined {
  let latest: string | undefined;
  for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const finished = timeText(c.state?.terminated?.finishedAt);
    if (c.state?.running) return undefined;
    if (finished && (!latest || finished > latest)) latest = finished;
  }
  return latest;
}

function timeText(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return (typeof value === 'string' ? value : value.toISOString()).replace(/\.\d{3}Z$/, 'Z');
}

// The template the pod runs, from ARGO_TEMPLATE on its init container (so a restarted Capstan still knows it).
function templateOf(pod: ObservedPod): Template | undefined {
  const value = pod.spec?.initContainers?.find((c) => c.name === 'init')?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value;
  if (!value) return undefined;
  try {
    return JSON.parse(value) as Template;
  } catch {
    return undefined;
  }
}
