import { GrpcCode, isApiError } from '@/lib/api-error';
import {
  CRON_WORKFLOW_LABEL, type CronTrigger, decideCron, isCompletedCron, isOwnedBy, nextScheduledTime, parseCronSchedules,
  recordRunOutcome, scheduleAnnotationValue,
} from '@/lib/cron';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { isCompleted } from '@/lib/engine/phases';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import {
  deleteWorkflowIfPresent, saveCronStatus, submitScheduledWorkflow, terminateWorkflows, validateCron,
} from './cron/cron-port-actions';
import { CronTimers, type Timers, realTimers } from './cron/cron-timers';
import { WorkQueue } from './work-queue';

export interface CronControllerOptions {
  /** Only this namespace, or all when empty. */
  namespace?: string;
  /** CronWorkflows reconciled in parallel (Argo's --cron-workflow-workers). */
  workers?: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
  timers?: Timers;
  /** Go's time.Local: the zone of schedules without `timezone`; by default this process's zone. */
  localZone?: string;
  /** Every CronWorkflow is synced with its workflows this often, besides on events (Argo's CRON_SYNC_PERIOD). */
  resyncSeconds?: number;
  /**
   * Delete a deleted CronWorkflow's workflows, as Kubernetes' garbage collector does through their owner
   * reference. On for embedded mode, which has no garbage collector.
   */
  collectOwnedWorkflows?: boolean;
  /** Whether a CronWorkflow is this controller's (the controller configuration's `instanceID`); all when absent. */
  owns?: (cron: KubeObject) => boolean;
}

type CronObject = CronWorkflow & KubeObject;
type WorkflowObject = Workflow & KubeObject;

const keyOf = (object: KubeObject) => `${object.metadata.namespace}/${object.metadata.name}`;

/**
 * Runs CronWorkflows: a timer per CronWorkflow for its next activation, and on each activation or change the pure
 * decision of `lib/cron` (sync children, history, missed runs, run policy), carried out through the cluster port.
 * Keys are `namespace/name`; a key is reconciled by one worker at a time, so decisions never race.
 */
export class CronController {
  private readonly queue: WorkQueue;
  private readonly abort = new AbortController();
  private readonly timers: CronTimers;
  private readonly clock: Timers;
  private readonly now: () => Date;
  private readonly localZone: string;
  /** Scheduled times whose timer fired, waiting for their key's reconcile. */
  private readonly due = new Map<string, Date[]>();
  /** Keys added or changed since their last reconcile: they look for a missed run. */
  private readonly changed = new Set<string>();
  private resyncHandle: unknown;
  ready = false;

  constructor(
    private readonly cluster: ClusterPort,
    private readonly logger: Logger,
    private readonly options: CronControllerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.clock = options.timers ?? realTimers;
    this.localZone = options.localZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    this.timers = new CronTimers(this.clock, this.now, (key, scheduledTime) => {
      this.due.set(key, [...(this.due.get(key) ?? []), scheduledTime]);
      this.queue.add(key);
    });
    this.queue = new WorkQueue((key) => this.reconcile(key), options.workers ?? 8, (key, error) => {
      this.logger.error({ err: error, cronWorkflow: key }, 'cron reconcile failed; retrying in 5 s');
      this.clock.setTimeout(() => this.queue.add(key), 5000);
    });
  }

  async start(): Promise<void> {
    const namespace = this.options.namespace ?? '';
    await this.cluster.watch<CronObject>('cronworkflows', namespace, (event) => {
      const key = keyOf(event.object);
      if (event.type === 'DELETED') {
        this.timers.remove(key);
        this.due.delete(key);
        if (this.options.collectOwnedWorkflows) void this.collectOwnedWorkflows(event.object);
        return;
      }
      this.changed.add(key);
      this.queue.add(key);
    }, this.abort.signal);
    await this.cluster.watch<WorkflowObject>('workflows', namespace, (event) => {
      const cron = event.object.metadata.labels?.[CRON_WORKFLOW_LABEL];
      // Only what changes the cron's status matters: a new or deleted run, or one completing.
      if (!cron || (event.type === 'MODIFIED' && !isCompleted(event.object.status?.phase))) return;
      this.queue.add(`${event.object.metadata.namespace}/${cron}`);
    }, this.abort.signal);
    const existing = await this.cluster.list<CronObject>('cronworkflows', namespace);
    for (const cron of existing.items) {
      this.changed.add(keyOf(cron));
      this.queue.add(keyOf(cron));
    }
    this.scheduleResync();
    this.ready = true;
    this.logger.info({ cronWorkflows: existing.items.length, localZone: this.localZone }, 'cron controller started');
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.clock.clearTimeout(this.resyncHandle);
    this.timers.clear();
    this.queue.close();
  }

  /** When the CronWorkflow's timer fires next (for tests and diagnostics). */
  nextScheduledTime(namespace: string, name: string): Date | undefined {
    return this.timers.nextTime(`${namespace}/${name}`);
  }

  private scheduleResync(): void {
    const seconds = this.options.resyncSeconds ?? 60;
    this.resyncHandle = this.clock.setTimeout(() => {
      void this.cluster.list<CronObject>('cronworkflows', this.options.namespace ?? '')
        .then((list) => list.items.forEach((cron) => this.queue.add(keyOf(cron))))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'cron resync failed'))
        .finally(() => {
          if (!this.abort.signal.aborted) this.scheduleResync();
        });
    }, seconds * 1000);
  }

  private async reconcile(key: string): Promise<void> {
    const [namespace = '', name = ''] = key.split('/');
    const due = this.due.get(key) ?? [];
    this.due.delete(key);
    const changed = this.changed.delete(key);
    try {
      await this.reconcileWith(key, namespace, name, due, changed);
    } catch (error) {
      // Try again later with the same triggers; a run that did happen is refused the second time (AlreadyExists).
      if (due.length) this.due.set(key, [...due, ...(this.due.get(key) ?? [])]);
      if (changed) this.changed.add(key);
      throw error;
    }
  }

  private async reconcileWith(key: string, namespace: string, name: string, due: Date[], changed: boolean): Promise<void> {
    let fetched: CronObject;
    try {
      fetched = await this.cluster.get<CronObject>('cronworkflows', namespace, name);
    } catch (error) {
      if (isApiError(error) && error.code === GrpcCode.NotFound) {
        this.timers.remove(key);
        return;
      }
      throw error;
    }
    // Another instance's CronWorkflow (Argo's instanceID label selection): no timer, no runs.
    if (this.options.owns && !this.options.owns(fetched)) {
      this.timers.remove(key);
      return;
    }

    const triggers: CronTrigger[] = [...due.map((scheduledTime) => ({ type: 'scheduled' as const, scheduledTime }))];
    if (changed) triggers.push({ type: 'changed' });
    if (triggers.length === 0) triggers.push({ type: 'sync' });
    const listed = await this.cluster.list<WorkflowObject>('workflows', namespace, { labelSelector: `${CRON_WORKFLOW_LABEL}=${name}` });
    const workflows: Workflow[] = listed.items.filter((w) => isOwnedBy(w, fetched));
    const specError = due.length || changed ? await validateCron(this.cluster, fetched) : undefined;

    let cron: CronWorkflow = fetched;
    const deleted = new Set<string>();
    for (const trigger of triggers) {
      const decision = decideCron({ cron, workflows, now: this.now(), localZone: this.localZone, trigger, specError });
      if (decision.syncError) this.logger.warn({ cronWorkflow: key, error: decision.syncError }, 'cron stop strategy failed');
      for (const workflow of decision.deleteWorkflows.filter((w) => !deleted.has(w))) {
        deleted.add(workflow);
        if (await deleteWorkflowIfPresent(this.cluster, namespace, workflow)) {
          this.logger.info({ cronWorkflow: key, workflow }, 'deleted workflow due to CronWorkflow history limit');
        }
      }
      cron = decision.cron;
      if (decision.skipped) {
        this.logger.info({ cronWorkflow: key, scheduledTime: decision.skipped.scheduledTime, reason: decision.skipped.message }, 'cron run skipped');
      }
      if (decision.run) cron = await this.carryOutRun(key, cron, decision.run, workflows);
    }
    if (JSON.stringify([cron.status, cron.metadata]) !== JSON.stringify([fetched.status, fetched.metadata])) {
      await saveCronStatus(this.cluster, fetched, cron);
    }
    this.armTimer(key, cron);
  }

  private async carryOutRun(key: string, cron: CronWorkflow, run: { scheduledTime: Date; workflow: Workflow; terminate: string[] },
    workflows: Workflow[]): Promise<CronWorkflow> {
    const namespace = cron.metadata.namespace ?? '';
    const stopError = await terminateWorkflows(this.cluster, namespace, run.terminate);
    if (stopError) {
      this.logger.error({ cronWorkflow: key, error: stopError }, 'cron run failed');
      return recordRunOutcome(cron, { type: 'failed', message: stopError });
    }
    const outcome = await submitScheduledWorkflow(this.cluster, run.workflow, run.scheduledTime);
    if (outcome.type === 'created') {
      workflows.push(outcome.workflow);
      this.logger.info({ cronWorkflow: key, workflow: outcome.workflow.metadata.name, scheduledTime: run.scheduledTime }, 'cron workflow run');
    } else if (outcome.type === 'failed') {
      this.logger.error({ cronWorkflow: key, error: outcome.message }, 'cron run failed');
    } else {
      this.logger.info({ cronWorkflow: key, workflow: run.workflow.metadata.name }, 'cron run already happened');
    }
    return recordRunOutcome(cron, outcome);
  }

  // Argo's controller stops handling completed crons, and cannot schedule malformed ones.
  private armTimer(key: string, cron: CronWorkflow): void {
    if (this.abort.signal.aborted) return;
    if (isCompletedCron(cron) || 'error' in parseCronSchedules(cron.spec)) {
      this.timers.remove(key);
      return;
    }
    this.timers.ensure(key, scheduleAnnotationValue(cron.spec), (after) => nextScheduledTime(cron.spec, after, this.localZone));
  }

  private async collectOwnedWorkflows(cron: CronObject): Promise<void> {
    const namespace = cron.metadata.namespace ?? '';
    try {
      const listed = await this.cluster.list<WorkflowObject>('workflows', namespace, { labelSelector: `${CRON_WORKFLOW_LABEL}=${cron.metadata.name}` });
      for (const workflow of listed.items.filter((w) => isOwnedBy(w, cron))) {
        await deleteWorkflowIfPresent(this.cluster, namespace, workflow.metadata.name ?? '');
      }
    } catch (error) {
      this.logger.warn({ err: error, cronWorkflow: keyOf(cron) }, 'could not delete the workflows of a deleted CronWorkflow');
    }
  }
}
