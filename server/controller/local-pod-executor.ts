import { parameterText } from '@/lib/engine/parameter-text';
import type { PodObservation } from '@/lib/engine/types';
import { toKubeTime } from '@/lib/k8s/object';
import type { Container } from '@/lib/generated/argo';
import { parseDurationSeconds } from '@/lib/engine/duration';
import type { StepContainer, StepObservation, StepPodContainer, StepRunner, StepSpec } from '../runner/step-runner';
import { withKnownImageTools } from './known-images';
import type { PodExecutor, PodLogLine, PodLogOptions, PodRequest, WorkflowRef } from './pod-executor';

/** The runner's view of a template: command, script and outputs, all already substituted by the engine. */
export function toStepSpec(workflow: WorkflowRef, pod: PodRequest): StepSpec {
  const { template } = pod;
  const set = template.containerSet?.containers ?? [];
  // A containerSet's first container gives the sandbox its working directory; its containers run instead of it.
  const source = template.script ?? template.container ?? set.find((c) => c.name === 'main') ?? set[0];
  const containers: StepPodContainer[] = [
    ...set.map((c) => ({ name: c.name, role: 'set' as const, container: toStepContainer(c), ...(c.dependencies?.length ? { dependencies: c.dependencies } : {}) })),
    ...(template.sidecars ?? []).map((c) => ({ name: c.name, role: 'sidecar' as const, container: toStepContainer(c) })),
  ];
  const retry = template.containerSet?.retryStrategy;
  return {
    id: pod.nodeId,
    podName: pod.podName,
    workflow,
    templateName: template.name ?? '',
    container: toStepContainer(source),
    ...(containers.length ? { containers } : {}),
    ...(retry ? { containerRetry: { retries: Number(retry.retries ?? 0) || 0, delayMs: retryDelayMs(retry.duration) } } : {}),
    ...(template.script ? { script: { source: template.script.source } } : {}),
    includeScriptOutput: pod.includeScriptOutput ?? false,
    outputs: {
      parameters: (template.outputs?.parameters ?? []).map((p) => ({
        name: p.name,
        valueFrom: { path: p.valueFrom?.path, default: parameterText(p.valueFrom?.default) },
      })),
      artifacts: (template.outputs?.artifacts ?? []).filter((a) => a.path).map((a) => ({ name: a.name, path: a.path!, optional: a.optional, artifact: a })),
    },
    ...(template.inputs?.artifacts?.length ? { inputArtifacts: template.inputs.artifacts } : {}),
    ...(template.archiveLocation ? { archiveLocation: template.archiveLocation } : {}),
    ...(template.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: Number(template.activeDeadlineSeconds) } : {}),
  };
}

// An invalid duration retries at once rather than failing the step; Argo's validation rejects it before.
function retryDelayMs(duration: string | undefined): number {
  try {
    return duration ? parseDurationSeconds(duration) * 1000 : 0;
  } catch {
    return 0;
  }
}

function toStepContainer(source: Partial<Pick<Container, 'image' | 'command' | 'args' | 'workingDir' | 'env'>> | undefined): StepContainer {
  return {
    image: source?.image ?? '',
    command: source?.command,
    args: source?.args,
    workingDir: source?.workingDir,
    env: (source?.env ?? []).filter((e) => e.value !== undefined).map((e) => ({ name: e.name, value: e.value })),
  };
}

// Outputs as argoexec reports them: artifacts as saved in the repository (not their host paths).
function toObservedOutputs(outputs: NonNullable<StepObservation['outputs']>): NonNullable<PodObservation['outputs']> {
  const artifacts = (outputs.artifacts ?? []).flatMap((a) => (a.saved ? [a.saved] : []));
  return { result: outputs.result, parameters: outputs.parameters, ...(artifacts.length ? { artifacts } : {}) };
}

/** Runs a workflow's pods as local sandboxed processes (embedded mode). */
export class LocalPodExecutor implements PodExecutor {
  // Templates a local process cannot run end at once with a clear message.
  private readonly refused = new Map<string, PodObservation>();
  private readonly listeners = new Set<(uid: string) => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly runner: StepRunner) {
    this.unsubscribe = runner.onChange((observation) => this.notify(observation.workflowUid));
  }

  private notify(uid: string): void {
    for (const listener of this.listeners) listener(uid);
  }

  async createPod(workflow: WorkflowRef, pod: PodRequest): Promise<void> {
    const { template } = pod;
    if (!template.container && !template.script && !template.containerSet) {
      const kind = template.resource ? 'resource' : template.data ? 'data' : 'this';
      const now = toKubeTime(new Date());
      this.refused.set(`${workflow.uid}/${pod.nodeId}`, {
        phase: 'Error',
        message: `${kind} templates need kubernetes mode (CAPSTAN_MODE=kubernetes); embedded mode runs container and script templates`,
        startedAt: now,
        finishedAt: now,
      });
      this.notify(workflow.uid);
      return;
    }
    // A step the runner still holds for a node just made is an earlier run's (a retry removed the node), so its old
    // result must not answer for the new one. A saved Pending node asking again keeps its step: start() is idempotent.
    const ref = { workflowUid: workflow.uid, id: pod.nodeId };
    if (pod.newNode && this.runner.observe(ref)) await this.runner.remove(ref);
    this.refused.delete(`${workflow.uid}/${pod.nodeId}`);
    await this.runner.start(withKnownImageTools(toStepSpec(workflow, pod)));
  }

  async deletePod(workflow: WorkflowRef, nodeId: string, reason: string): Promise<void> {
    if (this.runner.observe({ workflowUid: workflow.uid, id: nodeId })) await this.runner.stop({ workflowUid: workflow.uid, id: nodeId }, reason);
  }

  observe(workflow: WorkflowRef, nodeIds: string[]): Record<string, PodObservation> {
    const observations: Record<string, PodObservation> = {};
    for (const id of nodeIds) {
      const refused = this.refused.get(`${workflow.uid}/${id}`);
      if (refused) {
        observations[id] = refused;
        continue;
      }
      const step = this.runner.observe({ workflowUid: workflow.uid, id });
      if (!step) continue;
      observations[id] = {
        phase: step.phase,
        ...(step.message ? { message: step.message } : {}),
        ...(step.startedAt ? { startedAt: step.startedAt } : {}),
        ...(step.finishedAt ? { finishedAt: step.finishedAt } : {}),
        ...(step.exitCode !== undefined ? { exitCode: step.exitCode } : {}),
        hostNodeName: 'capstan-embedded',
        ...(step.containers ? { containers: step.containers } : {}),
        ...(step.outputs ? { outputs: toObservedOutputs(step.outputs) } : {}),
      };
    }
    return observations;
  }

  async *logs(workflow: WorkflowRef, pod: { nodeId: string }, options: PodLogOptions, signal: AbortSignal): AsyncIterable<PodLogLine> {
    const ref = { workflowUid: workflow.uid, id: pod.nodeId };
    if (!this.runner.observe(ref)) return;
    yield* this.runner.logs(ref, { container: options.container ?? 'main', follow: options.follow, sinceSeconds: options.sinceSeconds, tailLines: options.tailLines }, signal);
  }

  onChange(listener: (workflowUid: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async cleanUp(workflow: WorkflowRef, nodeIds: string[]): Promise<void> {
    for (const id of nodeIds) this.refused.delete(`${workflow.uid}/${id}`);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.runner.close();
  }
}
