import { isApiError } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import { workflowFacts } from '@/lib/history/build-facts';
import { type JobRef, buildNumberLabel, jobLabels, jobOfWorkflow, triggerAnnotation } from '@/lib/history/job-ref';
import { decideNumbering } from '@/lib/history/numbering';
import { type ApiCaller, decideTrigger } from '@/lib/history/trigger';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import { changeResource } from '../services/change-resource';
import type { BuildStore } from './build-store';

type WorkflowObject = Workflow & KubeObject;

/** The number a workflow got, and the job it belongs to. */
export interface Numbered {
  job: JobRef;
  number: number;
}

/**
 * Gives a workflow its build number (once: by uid) and writes it on the workflow as a label, with the job label
 * and the trigger annotation, so kubectl shows it and the archive keeps it. Numbers come from the store; the label
 * only records them.
 */
export class BuildNumberer {
  constructor(private readonly store: BuildStore, private readonly cluster: ClusterPort) {}

  /** Numbers a workflow of a job and labels it; undefined for workflows of no job. Returns the labelled workflow. */
  async number(workflow: WorkflowObject, caller?: ApiCaller): Promise<{ workflow: WorkflowObject; numbered?: Numbered }> {
    const job = jobOfWorkflow(workflow);
    if (!job || !workflow.metadata.uid) return { workflow };
    const number = await this.record(job, workflow, caller);
    const stored = await this.store.byUid(workflow.metadata.uid);
    const labelled = await this.label(workflow, job, number, stored?.trigger);
    return { workflow: labelled, numbered: { job, number } };
  }

  /** Records a workflow in the store under its label's number or a new one; returns the number. */
  async record(job: JobRef, workflow: WorkflowObject, caller?: ApiCaller): Promise<number> {
    const uid = workflow.metadata.uid ?? '';
    const existing = await this.store.byUid(uid);
    if (existing) return existing.number;
    const labelled = workflow.metadata.labels?.[buildNumberLabel];
    const owner = labelled ? await this.store.get(job, Number(labelled)) : undefined;
    const decision = decideNumbering(workflow, owner);
    const resubmittedFromName = workflow.metadata.labels?.['workflows.argoproj.io/resubmitted-from-workflow'];
    const resubmittedFrom = resubmittedFromName ? (await this.store.byWorkflowName(workflow.metadata.namespace ?? '', resubmittedFromName))?.number : undefined;
    const trigger = decideTrigger(workflow, { caller, resubmittedFrom, ...(decision.type === 'assign' && decision.copyOf !== undefined ? { copyOf: decision.copyOf } : {}) });
    const facts = { ...workflowFacts(workflow), trigger };
    if (decision.type === 'keep' && (await this.store.keep(job, decision.number, facts))) return decision.number;
    const again = await this.store.byUid(uid);
    if (again) return again.number;
    return (await this.store.assign(job, facts)).number;
  }

  /** Writes the number, job label and trigger on the workflow when they differ (the same uid only). */
  private async label(workflow: WorkflowObject, job: JobRef, number: number, trigger: unknown): Promise<WorkflowObject> {
    const wanted = { [buildNumberLabel]: String(number), [jobLabels[job.kind]]: job.name };
    const triggerText = JSON.stringify(trigger ?? { type: 'unknown' });
    const needs = (current: WorkflowObject) =>
      Object.entries(wanted).some(([k, v]) => current.metadata.labels?.[k] !== v) || current.metadata.annotations?.[triggerAnnotation] !== triggerText;
    if (!needs(workflow)) return workflow;
    const { namespace = '', name = '', uid } = workflow.metadata;
    try {
      return await changeResource<WorkflowObject>(this.cluster, 'workflows', namespace, name, (current) => {
        if (current.metadata.uid !== uid || !needs(current)) return undefined;
        return {
          ...current,
          metadata: {
            ...current.metadata,
            labels: { ...current.metadata.labels, ...wanted },
            annotations: { ...current.metadata.annotations, [triggerAnnotation]: triggerText },
          },
        };
      });
    } catch (error) {
      // Deleted meanwhile: the number stays in the store, which is what history reads.
      if (isApiError(error) && error.code === 5) return workflow;
      throw error;
    }
  }
}
