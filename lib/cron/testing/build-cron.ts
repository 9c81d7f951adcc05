import type { CronWorkflow, CronWorkflowSpec, CronWorkflowStatus, Workflow } from '@/lib/generated/argo';
import { CRON_WORKFLOW_LABEL, cronOwnerReference } from '../scheduled-workflow';

/** A CronWorkflow for tests: `nightly` in `argo`, every minute, with a one-step workflow. */
export function buildCron(spec: Partial<CronWorkflowSpec> & { schedule?: string } = {}, status?: CronWorkflowStatus,
  metadata: Partial<CronWorkflow['metadata']> = {}): CronWorkflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: { name: 'nightly', namespace: 'argo', uid: 'cron-uid', resourceVersion: '7', ...metadata },
    spec: {
      schedules: ['* * * * *'],
      workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine', command: ['true'] } }] },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

/** A workflow the cron owns, in a phase, finished at `finishedAt` when completed. */
export function buildChild(name: string, phase: string | undefined, finishedAt?: string, cron: CronWorkflow = buildCron()): Workflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      namespace: 'argo',
      uid: `uid-${name}`,
      resourceVersion: '1',
      labels: { [CRON_WORKFLOW_LABEL]: cron.metadata.name ?? '' },
      ownerReferences: [cronOwnerReference(cron)],
    },
    spec: {},
    status: { ...(phase ? { phase } : {}), ...(finishedAt ? { finishedAt } : {}) },
  };
}

/** The `status.active` reference to a child. */
export function activeRef(name: string) {
  return { kind: 'Workflow', apiVersion: 'argoproj.io/v1alpha1', name, namespace: 'argo', uid: `uid-${name}`, resourceVersion: '1' };
}
