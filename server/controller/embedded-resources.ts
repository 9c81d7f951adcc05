import { isApiError } from '@/lib/api-error';
import type { PodObservation } from '@/lib/engine/types';
import type { KubeObject } from '@/lib/k8s/object';
import { toKubeTime } from '@/lib/k8s/object';
import { type ResourcePlural, resourceKinds } from '@/lib/k8s/resource-kinds';
import { assessConditions, parseConditions } from '@/lib/resources/resource-conditions';
import { resourceOutputParameters } from '@/lib/resources/resource-outputs';
import { applyJsonPatch, applyMergePatch } from '@/lib/resources/resource-patch';
import { planResource, type ResourcePlan } from '@/lib/resources/resource-plan';
import type { ClusterPort } from '../cluster/cluster-port';
import type { PodRequest, WorkflowRef } from './pod-executor';

/** How often a resource with success or failure conditions is read again (argoexec polls every few seconds). */
const pollSeconds = 2;

function pluralOf(kind: string): ResourcePlural | undefined {
  return (Object.keys(resourceKinds) as ResourcePlural[]).find((p) => resourceKinds[p].kind === kind);
}

class ResourceFailure extends Error {}

/**
 * Carries out resource templates in embedded mode against the embedded store, as argoexec's `resource` command does
 * with kubectl: create, apply, replace, patch (merge, strategic as merge, json), delete and get, then waits for the
 * success or failure condition and reads the outputs. The store keeps Argo's kinds; a template's own pod (its
 * `{{pod.name}}`) can be read and patched; other Kubernetes kinds need kubernetes mode, and say so.
 */
export async function runEmbeddedResource(
  cluster: ClusterPort,
  workflow: WorkflowRef,
  requested: PodRequest,
  signal: AbortSignal,
  /** Inlines a `manifestFrom` artifact as the manifest (see manifest-from.ts). */
  loadManifest: (pod: PodRequest) => Promise<PodRequest> = async (pod) => pod,
): Promise<PodObservation> {
  let pod = requested;
  const startedAt = toKubeTime(new Date());
  const end = (phase: 'Succeeded' | 'Failed' | 'Error', message?: string, object?: unknown): PodObservation => ({
    phase,
    ...(message ? { message } : {}),
    startedAt,
    finishedAt: toKubeTime(new Date()),
    exitCode: phase === 'Succeeded' ? 0 : 1,
    hostNodeName: 'capstan-embedded',
    ...(phase === 'Succeeded' && object !== undefined
      ? { outputs: { parameters: resourceOutputParameters(pod.template.outputs?.parameters, object) } }
      : {}),
  });
  try {
    pod = await loadManifest(pod);
    const plan = planResource(pod.template.resource!, workflow);
    const success = parseConditions(plan.successCondition);
    const failure = parseConditions(plan.failureCondition);
    const target = new ResourceTarget(cluster, plan, pod.podName, workflow);
    let object = await target.act();
    if (plan.action === 'delete' || (success.length === 0 && failure.length === 0)) return end('Succeeded', undefined, object ?? {});
    for (;;) {
      const assessed = assessConditions(object, success, failure);
      if (assessed.state === 'succeeded') return end('Succeeded', undefined, object);
      if (assessed.state === 'failed') return end('Failed', assessed.message);
      await new Promise((resolve) => setTimeout(resolve, pollSeconds * 1000));
      if (signal.aborted) return end('Failed', 'resource wait stopped');
      object = await target.read();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return end(error instanceof ResourceFailure || isApiError(error) ? 'Failed' : 'Error', message);
  }
}

class ResourceTarget {
  private readonly plural: ResourcePlural | undefined;
  private readonly ownPod: boolean;

  constructor(private readonly cluster: ClusterPort, private readonly plan: ResourcePlan, private readonly podName: string, private readonly workflow: WorkflowRef) {
    this.plural = pluralOf(plan.target.kind);
    this.ownPod = plan.target.kind === 'Pod' && plan.target.name === podName;
    if (!this.plural && !this.ownPod) {
      throw new ResourceFailure(`embedded mode keeps Argo's resources (Workflow, WorkflowTemplate, CronWorkflow, ...); a ${plan.target.kind} needs kubernetes mode (CAPSTAN_MODE=kubernetes)`);
    }
  }

  private namespace(): string {
    return this.plural && !resourceKinds[this.plural].namespaced ? '' : (this.plan.target.namespace ?? this.workflow.namespace);
  }

  private name(): string {
    const name = this.plan.target.name;
    if (!name) throw new ResourceFailure(`resource ${this.plan.action} needs metadata.name (or the name in flags)`);
    return name;
  }

  /** The template's own pod, as the local step stands for it. */
  private podObject(): KubeObject {
    return {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: this.podName, namespace: this.workflow.namespace, labels: { 'workflows.argoproj.io/workflow': this.workflow.name } },
      status: { phase: 'Running' },
    } as KubeObject;
  }

  async read(): Promise<unknown> {
    if (this.ownPod) return this.podObject();
    return this.cluster.get(this.plural!, this.namespace(), this.name());
  }

  private patched(current: unknown): unknown {
    const patch = this.plan.manifest as unknown;
    if (this.plan.mergeStrategy === 'json') {
      if (!Array.isArray(patch)) throw new ResourceFailure('a json patch must be a list of operations');
      return applyJsonPatch(current, patch as never);
    }
    // Without Kubernetes' schemas a strategic merge is a merge patch: maps merge, lists are replaced.
    return applyMergePatch(current, patch);
  }

  async act(): Promise<unknown> {
    const { action, manifest } = this.plan;
    const body = manifest as unknown as KubeObject;
    if (this.ownPod) {
      if (action === 'get') return this.podObject();
      if (action === 'patch') return this.patched(this.podObject());
      throw new ResourceFailure(`resource ${action} of the template's own pod is not possible`);
    }
    const plural = this.plural!;
    switch (action) {
      case 'create':
        return this.cluster.create(plural, this.namespace(), body);
      case 'get':
        return this.read();
      case 'delete':
        try {
          await this.cluster.delete(plural, this.namespace(), this.name());
        } catch (error) {
          if (!isApiError(error) || error.code !== 5) throw error; // --ignore-not-found
        }
        return undefined;
      case 'apply': {
        let current: KubeObject;
        try {
          current = await this.cluster.get(plural, this.namespace(), this.name());
        } catch (error) {
          if (isApiError(error) && error.code === 5) return this.cluster.create(plural, this.namespace(), body);
          throw error;
        }
        return this.cluster.update(plural, this.namespace(), applyMergePatch(current, manifest) as KubeObject);
      }
      case 'replace': {
        const current = await this.cluster.get(plural, this.namespace(), this.name());
        return this.cluster.update(plural, this.namespace(), { ...body, metadata: { ...body.metadata, resourceVersion: current.metadata.resourceVersion } });
      }
      case 'patch': {
        const current = await this.cluster.get(plural, this.namespace(), this.name());
        return this.cluster.update(plural, this.namespace(), this.patched(current) as KubeObject);
      }
    }
  }
}
