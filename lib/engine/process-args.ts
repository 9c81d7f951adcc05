import type { Arguments, Parameter, Template } from '../generated/argo';
import { NodeError } from './operation';
import { parameterText } from './parameter-text';
import { absentArgument } from './scope';
import { substituteObject } from './substitute';


/**
 * Applies a call's arguments to a template's inputs and substitutes global, local and input variables, as
 * Argo's common.ProcessArgs: argument value, else the input's value, else its default; none is an error.
 */
export function processArgs(
  template: Template,
  args: Arguments | undefined,
  globals: Record<string, string>,
  locals: Record<string, string>,
  now: Date,
): Template {
  const copy = structuredClone(template);
  const inputs: Parameter[] = (copy.inputs?.parameters ?? []).map((input) => {
    let argument = args?.parameters?.find((p) => p.name === input.name);
    if (argument?.value === absentArgument) {
      if (input.value === undefined && input.default === undefined && !input.valueFrom) {
        throw new NodeError(`inputs.parameters.${input.name}: argument references an absent optional (skipped/omitted node output with no default)`);
      }
      argument = undefined;
    }
    const value = parameterText(argument?.value) ?? parameterText(input.value) ?? parameterText(input.default);
    if (value === undefined && !input.valueFrom) throw new NodeError(`inputs.parameters.${input.name} was not supplied`);
    return value === undefined ? input : { ...input, value };
  });
  if (copy.inputs?.parameters) copy.inputs.parameters = inputs;
  for (const artifact of copy.inputs?.artifacts ?? []) {
    const argument = args?.artifacts?.find((a) => a.name === artifact.name);
    if (argument) Object.assign(artifact, { ...argument, path: artifact.path, mode: artifact.mode });
    else if (!artifact.optional && !hasLocation(artifact as unknown as Record<string, unknown>)) throw new NodeError(`inputs.artifacts.${artifact.name} was not supplied`);
  }
  const values: Record<string, string> = { ...globals, ...locals };
  const withGlobals = substituteObject(copy, values, now);
  for (const input of withGlobals.inputs?.parameters ?? []) {
    const value = parameterText(input.value);
    if (value !== undefined) values[`inputs.parameters.${input.name}`] = value;
  }
  values['inputs.parameters'] = JSON.stringify(withGlobals.inputs?.parameters ?? []);
  for (const artifact of withGlobals.inputs?.artifacts ?? []) {
    if (artifact.path) values[`inputs.artifacts.${artifact.name}.path`] = artifact.path;
  }
  for (const artifact of withGlobals.outputs?.artifacts ?? []) {
    if (artifact.path) values[`outputs.artifacts.${artifact.name}.path`] = artifact.path;
  }
  for (const parameter of withGlobals.outputs?.parameters ?? []) {
    if (parameter.valueFrom?.path) values[`outputs.parameters.${parameter.name}.path`] = parameter.valueFrom.path;
  }
  return substituteObject(withGlobals, values, now);
}

function hasLocation(artifact: Record<string, unknown>): boolean {
  return ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure'].some((k) => artifact[k] !== undefined);
}
