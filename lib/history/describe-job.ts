import { cronScheduleStrings, nextScheduledTime } from '../cron';
import type { CronSpecWithLegacy } from '../cron/cron-schedules';
import type { WorkflowSpec } from '../generated/argo';
import type { KubeObject } from '../k8s/object';
import { normaliseFolder } from './folders';
import type { JobKind, JobRef } from './job-ref';
import { declaredStages } from './stages';

export const folderAnnotation = 'capstan.io/folder';
export const descriptionAnnotations = ['capstan.io/description', 'workflows.argoproj.io/description'];
export const titleAnnotation = 'workflows.argoproj.io/title';

export interface JobParameter {
  name: string;
  value?: string;
  enum?: string[];
  description?: string;
}

/** What a job's own resource says about it (history comes from the store). */
export interface JobDescription extends JobRef {
  folder: string;
  description: string;
  title?: string;
  labels: Record<string, string>;
  parameters: JobParameter[];
  stages: string[];
  schedule?: string;
  timezone?: string;
  suspended?: boolean;
  nextRun?: string | null;
}

/** The workflow spec a job runs: the template's spec, or a CronWorkflow's `workflowSpec`. */
export function jobWorkflowSpec(kind: JobKind, resource: KubeObject): WorkflowSpec | undefined {
  const spec = resource['spec'] as (WorkflowSpec & { workflowSpec?: WorkflowSpec }) | undefined;
  return kind === 'cronworkflows' ? spec?.workflowSpec : spec;
}

/** Describes a job from its resource; `now` and `localZone` give a CronWorkflow's next run. */
export function describeJob(kind: JobKind, resource: KubeObject, now: Date, localZone = 'UTC'): JobDescription {
  const annotations = resource.metadata.annotations ?? {};
  const spec = jobWorkflowSpec(kind, resource);
  const parameters = (spec?.arguments?.parameters ?? []).map((p): JobParameter => ({
    name: p.name,
    ...(p.value !== undefined ? { value: String(p.value) } : {}),
    ...(p.enum?.length ? { enum: p.enum.map(String) } : {}),
    ...(p.description ? { description: String(p.description) } : {}),
  }));
  const description: JobDescription = {
    kind,
    namespace: kind === 'clusterworkflowtemplates' ? '' : resource.metadata.namespace ?? '',
    name: resource.metadata.name ?? '',
    folder: normaliseFolder(annotations[folderAnnotation]),
    description: descriptionAnnotations.map((key) => annotations[key]).find(Boolean) ?? '',
    ...(annotations[titleAnnotation] ? { title: annotations[titleAnnotation] } : {}),
    labels: resource.metadata.labels ?? {},
    parameters,
    stages: declaredStages(spec),
  };
  if (kind !== 'cronworkflows') return description;
  const cronSpec = resource['spec'] as CronSpecWithLegacy | undefined;
  const suspended = cronSpec?.suspend === true;
  let nextRun: string | null = null;
  if (!suspended) {
    try {
      nextRun = nextScheduledTime(cronSpec, now, localZone)?.toISOString() ?? null;
    } catch {
      nextRun = null;
    }
  }
  return {
    ...description,
    ...(cronScheduleStrings(cronSpec).length ? { schedule: cronScheduleStrings(cronSpec).join(', ') } : {}),
    ...(cronSpec?.timezone ? { timezone: cronSpec.timezone } : {}),
    suspended,
    nextRun,
  };
}
