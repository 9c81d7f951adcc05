import type { Parameter, Template } from '@/lib/generated/argo';
import { isParameterReference } from './add-to-scope';
import { checkArtifactPath } from './check-artifact';
import { checkFieldNames, checkParamOrArtifactName } from './field-names';
import { extractFailedTag, locateText } from './locate-text';
import type { ScopeLookup } from './resolve-variables';
import { findUnresolvedVariable } from './resolve-variables';
import { getTemplateKind, isLeafKind } from './template-kind';
import type { ValidationIssue } from './types';
import type { ValidationState } from './validation-state';
import { toIssue } from './validation-state';

// Argo's validateOutputs and validateOutputParameter.

function checkOutputParameter(param: Parameter): string | undefined {
  if (param.valueFrom !== undefined && param.value !== undefined) return 'has both valueFrom and value specified, choose one';
  if (param.value !== undefined) return undefined;
  if (param.valueFrom === undefined) return 'does not have valueFrom or value specified';
  const from = param.valueFrom;
  const sources = [from.path, from.jqFilter, from.jsonPath, from.parameter, from.expression].filter((value) => !!value).length +
    (from.supplied !== undefined ? 1 : 0);
  if (sources === 0) return 'valueFrom type unspecified. choose one of: path, jqFilter, jsonPath, parameter, supplied, expression';
  if (sources > 1) return 'multiple valueFrom types specified. choose one of: path, jqFilter, jsonPath, parameter, supplied, expression';
  return undefined;
}

function checkValueFromForKind(param: Parameter, template: Template): string | undefined {
  const from = param.valueFrom;
  if (from === undefined) return undefined;
  const kind = getTemplateKind(template);
  switch (kind) {
    case 'Container':
    case 'ContainerSet':
    case 'Script':
      return from.path ? undefined : `valueFrom.path must be specified for ${kind} templates`;
    case 'Resource':
      return from.jqFilter || from.jsonPath ? undefined : `valueFrom.jqFilter or jsonPath must be specified for ${kind} templates`;
    case 'DAG':
    case 'Steps':
      if (!from.parameter && !from.expression) return `valueFrom.parameter or expression must be specified for ${kind} templates`;
      return from.parameter && from.expression ? `valueFrom cannot have both parameter and expression for ${kind} templates` : undefined;
    default:
      return undefined;
  }
}

/** The first problem with a (substituted) template's outputs, with `scope` the variables its outputs may use. */
export function validateOutputs(
  state: ValidationState,
  scope: ScopeLookup,
  template: Template,
  path: string,
): ValidationIssue | undefined {
  const outputs = template.outputs ?? {};
  const parameters = outputs.parameters ?? [];
  const artifacts = outputs.artifacts ?? [];
  const names = checkFieldNames(parameters.map((param) => param.name), 'param-or-artifact');
  if (names !== undefined) return toIssue(`${path}.outputs.parameters[${names.index}].name`, names.message);
  const artifactNames = checkFieldNames(artifacts.map((artifact) => artifact.name), 'param-or-artifact');
  if (artifactNames !== undefined) return toIssue(`${path}.outputs.artifacts[${artifactNames.index}].name`, artifactNames.message);
  const unresolved = findUnresolvedVariable(JSON.stringify(outputs), scope, state.globals, state.modes.workflowTemplateValidation);
  if (unresolved !== undefined) {
    const tag = extractFailedTag(unresolved);
    return toIssue(tag === undefined ? `${path}.outputs` : locateText(outputs, tag, `${path}.outputs`), unresolved);
  }
  for (const [index, artifact] of artifacts.entries()) {
    const at = `${path}.outputs.artifacts[${index}]`;
    if (isLeafKind(template)) {
      const problem = checkArtifactPath(artifact);
      if (problem !== undefined) return toIssue(`${at}.path`, problem);
    } else if (artifact.path) {
      return toIssue(`${at}.path`, 'an artifact path is only valid in container, script and other leaf templates');
    }
    if (artifact.globalName && !isParameterReference(artifact.globalName)) {
      const problem = checkParamOrArtifactName(artifact.globalName);
      if (problem !== undefined) return toIssue(`${at}.globalName`, problem);
    }
  }
  for (const [index, param] of parameters.entries()) {
    const at = `${path}.outputs.parameters[${index}]`;
    const problem = checkOutputParameter(param);
    if (problem !== undefined) return toIssue(at, `output parameter '${param.name}' ${problem}`);
    const kindProblem = checkValueFromForKind(param, template);
    if (kindProblem !== undefined) return toIssue(`${at}.valueFrom`, kindProblem);
    if (param.globalName && !isParameterReference(param.globalName)) {
      const nameProblem = checkParamOrArtifactName(param.globalName);
      if (nameProblem !== undefined) return toIssue(`${at}.globalName`, nameProblem);
    }
  }
  return undefined;
}
