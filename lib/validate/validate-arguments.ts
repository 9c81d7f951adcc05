import type { Arguments } from '@/lib/generated/argo';
import { hasLocationOrKey } from './artifact-location';
import { checkFieldNames } from './field-names';
import type { ValidationIssue } from './types';
import { toIssue } from './validation-state';

// Argo's validateArguments, for a workflow's spec.arguments and for each step's and task's arguments.

function checkNames(path: string, args: Arguments): ValidationIssue | undefined {
  for (const field of ['parameters', 'artifacts'] as const) {
    const problem = checkFieldNames((args[field] ?? []).map((item) => item.name), 'param-or-artifact');
    if (problem !== undefined) return toIssue(`${path}.${field}[${problem.index}].name`, problem.message);
  }
  return undefined;
}

/**
 * The first problem with arguments at `path`: names, a parameter without a value (unless `allowEmptyValues`),
 * misuse of valueFrom, a value outside its enum, an artifact with nowhere to come from.
 */
export function validateArguments(path: string, args: Arguments | undefined, allowEmptyValues: boolean): ValidationIssue | undefined {
  if (args === undefined) return undefined;
  const names = checkNames(path, args);
  if (names !== undefined) return names;
  for (const [index, param] of (args.parameters ?? []).entries()) {
    const at = `${path}.parameters[${index}]`;
    if (param.valueFrom === undefined && param.value === undefined && !allowEmptyValues) {
      return toIssue(at, `parameter '${param.name}' needs a value or valueFrom`);
    }
    const from = param.valueFrom;
    if (from !== undefined) {
      const allowed = from.configMapKeyRef !== undefined || !!from.event || from.supplied !== undefined;
      const forbidden = !!from.path || !!from.jsonPath || !!from.parameter || !!from.expression;
      if (!allowed || forbidden) return toIssue(`${at}.valueFrom`, 'valueFrom only allows: default, configMapKeyRef and supplied');
    }
    if (param.enum !== undefined) {
      if (param.enum.length === 0) return toIssue(`${at}.enum`, 'enum should contain at least one value');
      // Argo stops checking the remaining arguments here when empty values are allowed.
      if (param.value === undefined) return allowEmptyValues ? undefined : toIssue(`${at}.value`, `parameter '${param.name}' needs a value`);
      if (!param.enum.includes(param.value)) {
        return toIssue(`${at}.value`, `value '${param.value}' is not one of the enum values: ${param.enum.join(', ')}`);
      }
    }
  }
  for (const [index, artifact] of (args.artifacts ?? []).entries()) {
    const at = `${path}.artifacts[${index}]`;
    if (!artifact.from && !hasLocationOrKey(artifact)) {
      return toIssue(at, `artifact '${artifact.name}' needs from, an artifact location or a key`);
    }
    if (artifact.from && artifact.fromExpression) return toIssue(at, "artifact cannot have both 'from' and 'fromExpression'");
  }
  return undefined;
}
