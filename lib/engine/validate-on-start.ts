import type { ClusterWorkflowTemplate, Workflow, WorkflowTemplate } from '../generated/argo';
import type { TemplateResolver } from '../validate';
import { validateWorkflow } from '../validate';
import type { EngineInput } from './types';

/** A validation resolver over the engine's template lookup, so the controller's check sees what the run will. */
function toResolver(resolve: EngineInput['resolveTemplateRef']): TemplateResolver {
  return {
    getWorkflowTemplate: (name) => {
      const spec = resolve?.(name, false);
      return spec ? ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name }, spec } as WorkflowTemplate) : undefined;
    },
    getClusterWorkflowTemplate: (name) => {
      const spec = resolve?.(name, true);
      return spec ? ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ClusterWorkflowTemplate', metadata: { name }, spec } as ClusterWorkflowTemplate) : undefined;
    },
  };
}

/**
 * Why a workflow cannot start, as Argo's controller checks before running one (`invalid spec: …`), or undefined.
 * Unknown fields are not reasons: Argo's decoder drops them.
 */
export function findStartProblem(workflow: Workflow, resolve: EngineInput['resolveTemplateRef']): string | undefined {
  const { errors } = validateWorkflow(
    { ...workflow, kind: 'Workflow' },
    { resolver: toResolver(resolve), namespace: workflow.metadata.namespace, options: { lint: false } },
  );
  const issue = errors.find((e) => !e.message.startsWith('unknown field'));
  return issue ? `invalid spec: ${issue.path ? `${issue.path}: ` : ''}${issue.message}` : undefined;
}
