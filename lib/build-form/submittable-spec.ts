import type { KubeObject } from '../k8s/object';
import type { Parameter } from '../generated/argo';

/** What the form needs from a job: its parameters, its entrypoint and the templates one could start from. */
export interface SubmittableSource {
  parameters: Parameter[];
  entrypoint?: string;
  templateNames: string[];
}

interface SpecLike {
  entrypoint?: string;
  arguments?: { parameters?: Parameter[] };
  templates?: { name?: string }[];
}

/** Reads a WorkflowTemplate's or ClusterWorkflowTemplate's `spec`, or a CronWorkflow's `spec.workflowSpec`. */
export function submittableSpec(job: KubeObject): SubmittableSource {
  const spec = (job['spec'] ?? {}) as SpecLike & { workflowSpec?: SpecLike };
  const workflowSpec = job.kind === 'CronWorkflow' || spec.workflowSpec ? spec.workflowSpec ?? {} : spec;
  return {
    parameters: workflowSpec.arguments?.parameters ?? [],
    ...(workflowSpec.entrypoint ? { entrypoint: workflowSpec.entrypoint } : {}),
    templateNames: (workflowSpec.templates ?? []).map((t) => t.name ?? '').filter(Boolean),
  };
}
