import { isApiError } from '@/lib/api-error';
import { workflowExpiresAt } from '@/lib/controller/workflow-ttl';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { execSpecOf } from '@/lib/workflows/exec-spec';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';

type WorkflowObject = Workflow & KubeObject;

/**
 * Argo's workflow garbage collector (`ttlStrategy`): a completed workflow is deleted once its TTL after `finishedAt`
 * has passed. One timer per workflow; when it fires the workflow is read again, so a retried (running again) or
 * replaced workflow is left alone. The archive keeps its record.
 */
export class TtlController {
  private readonly abort = new AbortController();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly cluster: ClusterPort,
    private readonly logger: Logger,
    private readonly options: { namespace?: string; owns?: (workflow: KubeObject) => boolean } = {},
  ) {}

  async start(): Promise<void> {
    const namespace = this.options.namespace ?? '';
    await this.cluster.watch<WorkflowObject>('workflows', namespace, (event) => {
      const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
      if (event.type === 'DELETED') this.cancel(key);
      else this.schedule(event.object);
    }, this.abort.signal);
    // Read one at a time: a whole namespace's workflows parsed at once would all be alive together.
    const { items } = await this.cluster.listSummaries<WorkflowObject>('workflows', namespace, { labelSelector: 'workflows.argoproj.io/completed=true' });
    for (const listed of items) this.schedule(listed.read());
  }

  private schedule(workflow: WorkflowObject): void {
    const key = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
    if (this.options.owns && !this.options.owns(workflow)) return;
    const expiresAt = workflowExpiresAt(workflow, execSpecOf(workflow));
    this.cancel(key);
    if (!expiresAt) return;
    // Timers longer than ~24.8 days overflow; such a workflow is looked at again on the next change or start.
    const delay = Math.min(Math.max(0, expiresAt.getTime() - Date.now()), 2 ** 31 - 1);
    // The timer keeps the coordinates, not the workflow: it re-reads it when it fires.
    const { namespace = '', name = '' } = workflow.metadata;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.expire(namespace, name);
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async expire(namespace: string, name: string): Promise<void> {
    const key = `${namespace}/${name}`;
    try {
      const current = await this.cluster.get<WorkflowObject>('workflows', namespace, name);
      const expiresAt = workflowExpiresAt(current, execSpecOf(current));
      if (!expiresAt) return;
      if (expiresAt.getTime() > Date.now()) {
        this.schedule(current);
        return;
      }
      this.logger.info({ workflow: key }, 'deleting garbage collected workflow (ttlStrategy)');
      await this.cluster.delete('workflows', namespace, name);
    } catch (error) {
      if (isApiError(error) && error.code === 5) return;
      this.logger.warn({ err: error, workflow: key }, 'could not delete an expired workflow; retrying in 30 s');
      const timer = setTimeout(() => void this.expire(namespace, name), 30_000);
      timer.unref();
      this.timers.set(key, timer);
    }
  }

  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
