import type { Template } from '@/lib/generated/argo';
import { checkArtifactLocation, checkArtifactPath } from './check-artifact';
import { checkFieldNames } from './field-names';
import { isLeafKind } from './template-kind';
import type { ValidationIssue } from './types';
import { toIssue } from './validation-state';
import { VariableScope } from './variable-scope';

/** Argo's validateInputs: checks a template's inputs and returns the variables they bring into scope. */
export function validateInputs(template: Template, path: string): VariableScope | ValidationIssue {
  const parameters = template.inputs?.parameters ?? [];
  const artifacts = template.inputs?.artifacts ?? [];
  const names = checkFieldNames(parameters.map((param) => param.name), 'param-or-artifact');
  if (names !== undefined) return toIssue(`${path}.inputs.parameters[${names.index}].name`, names.message);
  const artifactNames = checkFieldNames(artifacts.map((artifact) => artifact.name), 'param-or-artifact');
  if (artifactNames !== undefined) return toIssue(`${path}.inputs.artifacts[${artifactNames.index}].name`, artifactNames.message);
  const scope = new VariableScope();
  for (const param of parameters) scope.add(`inputs.parameters.${param.name}`);
  if (parameters.length > 0) scope.add('inputs.parameters');
  for (const [index, artifact] of artifacts.entries()) {
    const at = `${path}.inputs.artifacts[${index}]`;
    scope.add(`inputs.artifacts.${artifact.name}`);
    if (isLeafKind(template)) {
      const problem = checkArtifactPath(artifact);
      if (problem !== undefined) return toIssue(`${at}.path`, problem);
      scope.add(`inputs.artifacts.${artifact.name}.path`);
    } else if (artifact.path) {
      return toIssue(`${at}.path`, 'an artifact path is only valid in container, script and other leaf templates');
    }
    if (artifact.from) return toIssue(`${at}.from`, 'from is not valid in inputs');
    const location = checkArtifactLocation(artifact);
    if (location !== undefined) return toIssue(`${at}.${location.field}`, location.message);
  }
  return scope;
}
