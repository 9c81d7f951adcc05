import type { Template, Workflow, WorkflowSpec } from '../../generated/argo';
import { LockTable } from '../../sync/lock-table';
import { reconcileWorkflow } from '../reconcile';
import type { EngineAction, PodObservation } from '../types';

/** How a simulated pod ends: by default it succeeds with no outputs. */
export type PodOutcome = (pod: { nodeName: string; template: Template; podName: string }) => Omit<PodObservation, 'phase'> & {
  phase?: 'Succeeded' | 'Failed' | 'Error';
};

export interface SimulationResult {
  workflow: Workflow;
  /** Every createPod action, in order. */
  created: Extract<EngineAction, { type: 'createPod' }>[];
  steps: number;
  /** Every `metrics` action, in order. */
  metrics: Extract<EngineAction, { type: 'metrics' }>[];
}

/**
 * Drives a workflow to completion with the pure engine: each reconcile is one simulated second; a created pod
 * runs for one step, then ends as `outcome` says. Deterministic, for tests of the engine's semantics.
 */
export function simulateWorkflow(
  workflow: Workflow,
  outcome: PodOutcome = () => ({}),
  options: { start?: Date; maxSteps?: number; templates?: Record<string, WorkflowSpec>; locks?: LockTable } = {},
): SimulationResult {
  let current: Workflow = structuredClone(workflow);
  current.metadata.name ??= 'wf';
  current.metadata.namespace ??= 'argo';
  let now = options.start ?? new Date('2026-01-01T00:00:00Z');
  const pods: Record<string, PodObservation> = {};
  const pending: Record<string, Extract<EngineAction, { type: 'createPod' }>> = {};
  const created: SimulationResult['created'] = [];
  const metrics: SimulationResult['metrics'] = [];
  const maxSteps = options.maxSteps ?? 200;
  // Mutexes need no configuration; semaphores need limits set on the table by the test.
  const locks = options.locks ?? new LockTable();
  for (let step = 0; step < maxSteps; step++) {
    const output = reconcileWorkflow({
      workflow: current,
      pods,
      now,
      resolveTemplateRef: (name) => options.templates?.[name],
      locks,
    });
    current = { ...current, status: output.status };
    for (const action of output.actions) if (action.type === 'metrics') metrics.push(action);
    if (output.status.phase === 'Succeeded' || output.status.phase === 'Failed' || output.status.phase === 'Error') {
      return { workflow: current, created, steps: step, metrics };
    }
    now = new Date(now.getTime() + 1000);
    // Pods created last step finish now; new ones start running.
    for (const [id, action] of Object.entries(pending)) {
      // A daemon keeps running until the engine deletes its pod.
      if (action.template.daemon) continue;
      const result = outcome({ nodeName: action.nodeName, template: action.template, podName: action.podName });
      const phase = result.phase ?? 'Succeeded';
      // A containerSet's containers all end as the pod does, unless the outcome says how each ended.
      const containers = action.template.containerSet?.containers.map((c) => ({ name: c.name, state: 'terminated' as const, exitCode: phase === 'Succeeded' ? 0 : 1, reason: phase === 'Succeeded' ? 'Completed' : 'Error' }));
      pods[id] = { hostNodeName: 'sim-node', podIP: '10.0.0.2', ...(containers ? { containers } : {}), ...result, phase, exitCode: result.exitCode ?? (result.phase === 'Failed' ? 1 : 0) };
      delete pending[id];
    }
    for (const action of output.actions) {
      if (action.type === 'deletePod' && pending[action.nodeId]) {
        delete pending[action.nodeId];
        pods[action.nodeId] = { phase: 'Failed', message: action.reason };
      }
      if (action.type !== 'createPod') continue;
      created.push(action);
      pending[action.nodeId] = action;
      pods[action.nodeId] = { phase: 'Running', hostNodeName: 'sim-node', podIP: '10.0.0.2' };
    }
    const requeue = output.actions.find((a) => a.type === 'requeue');
    if (requeue && requeue.type === 'requeue' && Object.values(pending).every((p) => p.template.daemon)) {
      now = new Date(now.getTime() + Math.ceil(requeue.afterSeconds) * 1000);
    }
  }
  throw new Error(`workflow did not finish in ${maxSteps} steps: ${JSON.stringify(current.status, null, 1).slice(0, 3000)}`);
}
