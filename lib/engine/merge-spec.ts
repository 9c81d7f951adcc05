import type { Parameter, WorkflowSpec } from '../generated/argo';

/**
 * The spec a workflow with `workflowTemplateRef` runs: the template's spec with the workflow's own fields on top,
 * arguments merged by name and templates by name (the workflow's win), as Argo's JoinWorkflowSpec.
 */
export function mergeWorkflowSpec(templateSpec: WorkflowSpec, workflowSpec: WorkflowSpec): WorkflowSpec {
  const { workflowTemplateRef: _ref, ...own } = workflowSpec;
  const merged: WorkflowSpec = { ...structuredClone(templateSpec), ...structuredClone(own) };
  const byName = <T extends { name?: string }>(base: T[] = [], overrides: T[] = []): T[] => [
    ...base.filter((b) => !overrides.some((o) => o.name === b.name)).map((b) => {
      return b;
    }),
    ...overrides,
  ];
  const parameters = mergeParameters(templateSpec.arguments?.parameters, workflowSpec.arguments?.parameters);
  const artifacts = byName(templateSpec.arguments?.artifacts, workflowSpec.arguments?.artifacts);
  if (parameters.length || artifacts.length) {
    merged.arguments = { ...(parameters.length ? { parameters } : {}), ...(artifacts.length ? { artifacts } : {}) };
  }
  merged.templates = byName(templateSpec.templates, workflowSpec.templates);
  if (!merged.entrypoint) merged.entrypoint = templateSpec.entrypoint;
  return merged;
}

// A workflow's argument overrides the template's value but keeps its description and enum.
function mergeParameters(base: Parameter[] = [], overrides: Parameter[] = []): Parameter[] {
  const result = base.map((b) => {
    const override = overrides.find((o) => o.name === b.name);
    return override ? { ...b, ...override } : { ...b };
  });
  for (const o of overrides) if (!base.some((b) => b.name === o.name)) result.push({ ...o });
  return result;
}
