import { isCompleted } from '@/lib/engine/phases';
import { reconcileWorkflow } from '@/lib/engine/reconcile';
import { isApiError } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import type { PodExecutor, WorkflowRef } from './pod-executor';
import { LockTable } from '@/lib/sync/lock-table';
import { loadSemaphoreLimits, restoreLockHolders } from './semaphore-limits';
import { withArtifactRepositoryRef } from '../artifacts/repository-ref';
import type { ArtifactRepositories } from '../artifacts/repositories';
import { loadReferencedTemplates } from './template-resolver';
import { WorkQueue } from './work-queue';

export interface ControllerOptions {
  /** Workflow workers reconciling in parallel (Argo's --workflow-workers). */
  workers?: number;
  /** Only this namespace, or all when empty. */
  namespace?: string;
  /** Called once with the saved workflow when it reaches a completed phase (the archive hooks in here). */
  onCompleted?: (workflow: Workflow) => void;
  /** Reads a ConfigMap's data, for semaphore limits; without it semaphores wait with "Failed to get semaphore limit". */
  readConfigMap?: (namespace: string, name: string) => Promise<Record<string, string> | undefined>;
  /** Resolves each workflow's artifact repository into status.artifactRepositoryRef, as Argo's controller does. */
  repositories?: ArtifactRepositories;
}


/**
 * The controller loop: watches workflows, feeds each one with its pods' observations through the pure engine,
 * saves the new status and carries out the engine's actions. Keys are `namespace/name`.
 */
export class WorkflowController {
  private readonly queue: WorkQueue;
  private readonly abort = new AbortController();
  private readonly uidToKey = new Map<string, string>();
  private stopExecutorListener: () => void = () => {};
  // Mutexes and semaphores shared by every workflow; a freed slot requeues the workflows waiting at the front.
  private readonly locks = new LockTable((key) => this.queue.add(key));
  ready = false;

  constructor(
    private readonly cluster: ClusterPort,
    private readonly executor: PodExecutor,
    private readonly logger: Logger,
    private readonly options: ControllerOptions = {},
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), options.workers ?? 8, (key, error) => {
      this.logger.error({ err: error, workflow: key }, 'reconcile failed; retrying in 5 s');
      this.queue.addAfter(key, 5);
    });
  }

  async start(): Promise<void> {
    const namespace = this.options.namespace ?? '';
    this.stopExecutorListener = this.executor.onChange((uid) => {
      const key = this.uidToKey.get(uid);
      if (key) this.queue.add(key);
    });
    await this.cluster.watch<KubeObject>('workflows', namespace, (event) => {
      const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
      if (event.type === 'DELETED') {
        void this.cleanUp(event.object as unknown as Workflow);
        return;
      }
      this.queue.add(key);
    }, this.abort.signal);
    const existing = await this.cluster.list<KubeObject>('workflows', namespace);
    for (const wf of existing.items) {
      const status = wf['status'] as Workflow['status'];
      if (isCompleted(status?.phase)) continue;
      // Locks held before a restart stay held (Argo's sync manager Initialize).
      restoreLockHolders(this.locks, status);
      this.queue.add(`${wf.metadata.namespace}/${wf.metadata.name}`);
    }
    this.ready = true;
    this.logger.info({ workers: this.options.workers ?? 8, resumed: this.queue.length }, 'controller started');
  }

  private async reconcile(key: string): Promise<void> {
    const [namespace = '', name = ''] = key.split('/');
    let workflow: Workflow;
    try {
      workflow = await this.cluster.get<Workflow & KubeObject>('workflows', namespace, name);
    } catch (error) {
      if (isApiError(error) && error.code === 5) return;
      throw error;
    }
    if (isCompleted(workflow.status?.phase)) return;
    const ref: WorkflowRef = { namespace, name, uid: workflow.metadata.uid ?? '' };
    this.uidToKey.set(ref.uid, key);

    const podNodeIds = Object.values(workflow.status?.nodes ?? {}).filter((n) => n.type === 'Pod').map((n) => n.id);
    const resolveTemplateRef = await loadReferencedTemplates(this.cluster, workflow);
    await loadSemaphoreLimits(this.locks, workflow, resolveTemplateRef, this.options.readConfigMap);
    const repository = await withArtifactRepositoryRef(workflow, this.options.repositories, new Date());
    workflow = repository.workflow;
    const output = repository.failed ?? reconcileWorkflow({
      workflow,
      pods: this.executor.observe(ref, podNodeIds),
      now: new Date(),
      resolveTemplateRef,
      locks: this.locks,
    });

    if (output.changed) {
      const phase = output.status.phase ?? '';
      const labels: Record<string, string> = { ...(workflow.metadata.labels ?? {}), 'workflows.argoproj.io/phase': phase };
      if (isCompleted(phase)) labels['workflows.argoproj.io/completed'] = 'true';
      let saved: KubeObject;
      try {
        saved = await this.cluster.update('workflows', namespace, { ...workflow, metadata: { ...workflow.metadata, labels }, status: output.status } as KubeObject);
      } catch (error) {
        // Someone else changed the workflow (a user's suspend, stop or edit): decide again on fresh state.
        if (isApiError(error) && (error.code === 10 || error.code === 5)) {
          if (error.code === 10) this.queue.add(key);
          return;
        }
        throw error;
      }
      if (phase !== (workflow.status?.phase ?? '')) this.logger.info({ workflow: key, phase }, 'workflow phase changed');
      if (isCompleted(phase)) this.options.onCompleted?.(saved as unknown as Workflow);
    }

    // Actions run only once the status that decided them is saved, so a crash never loses a created pod's node.
    for (const action of output.actions) {
      if (action.type === 'createPod') {
        await this.executor.createPod(ref, {
          nodeId: action.nodeId, nodeName: action.nodeName, podName: action.podName, template: action.template, includeScriptOutput: action.includeScriptOutput,
        });
      } else if (action.type === 'deletePod') {
        await this.executor.deletePod(ref, action.nodeId, action.reason);
      } else if (action.type === 'requeue') {
        this.queue.addAfter(key, action.afterSeconds);
      }
    }
    if (output.actions.some((a) => a.type === 'createPod')) this.queue.add(key);
  }

  private async cleanUp(workflow: Workflow): Promise<void> {
    const uid = workflow.metadata.uid ?? '';
    this.uidToKey.delete(uid);
    this.locks.releaseWorkflow(`${workflow.metadata.namespace}/${workflow.metadata.name}`);
    const ref = { namespace: workflow.metadata.namespace ?? '', name: workflow.metadata.name ?? '', uid };
    const nodeIds = Object.values(workflow.status?.nodes ?? {}).filter((n) => n.type === 'Pod').map((n) => n.id);
    for (const id of nodeIds) await this.executor.deletePod(ref, id, 'workflow deleted').catch(() => {});
    await this.executor.cleanUp(ref, nodeIds);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.stopExecutorListener();
    this.queue.close();
  }
}
