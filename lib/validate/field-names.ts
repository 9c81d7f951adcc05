// Argo's naming rules for templates, steps, tasks, parameters and artifacts (validate.go).

const workflowFieldName = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
const paramOrArtifactName = /^[-a-zA-Z0-9_]+$/;
const maxFieldNameLength = 128;

/** Why a template, step or task name is invalid, or undefined when it is valid. */
export function checkWorkflowFieldName(name: string): string | undefined {
  const problems: string[] = [];
  if (name.length > maxFieldNameLength) problems.push(`must be no more than ${maxFieldNameLength} characters`);
  if (!workflowFieldName.test(name)) {
    problems.push("name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)");
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** Why a parameter or artifact name is invalid, or undefined when it is valid. */
export function checkParamOrArtifactName(name: string): string | undefined {
  return paramOrArtifactName.test(name)
    ? undefined
    : "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1";
}

/** The first problem with a list of names: empty, invalid or repeated, with the index it was found at. */
export function checkFieldNames(
  names: readonly (string | undefined)[],
  rule: 'field' | 'param-or-artifact',
): { index: number; message: string } | undefined {
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    if (name === undefined || name === '') return { index, message: 'name is required' };
    const problem = rule === 'field' ? checkWorkflowFieldName(name) : checkParamOrArtifactName(name);
    if (problem !== undefined) return { index, message: `name '${name}' is invalid: ${problem}` };
    if (seen.has(name)) return { index, message: `name '${name}' is not unique` };
    seen.add(name);
  }
  return undefined;
}
