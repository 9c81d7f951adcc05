import { hasLocationOrKey } from '../artifacts/artifact-location';
import type { Arguments, Artifact, Parameter, Template } from '../generated/argo';
import { inputArtifactValues } from './artifact-arguments';
import { NodeError } from './operation';
import { parameterText } from './parameter-text';
import { absentArgument } from './scope';
import { substituteObject } from './substitute';
import { derived } from './intern-spec';

const constant = new WeakMap<Template, boolean>();

/** Whether processing arguments leaves a template as it is: no inputs, no `{{...}}` anywhere. */
export function isConstantTemplate(template: Template): boolean {
  return derived(constant, template, (t) => !t.inputs?.parameters?.length && !t.inputs?.artifacts?.length && !JSON.stringify(t).includes('{{'));
}

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
  // Most templates of a big workflow take no inputs and name no variables: they are used as written.
  if (isConstantTemplate(template)) return template;
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
  if (copy.inputs?.artifacts) copy.inputs.artifacts = copy.inputs.artifacts.map((artifact) => applyArtifactArgument(artifact, args));
  const values: Record<string, string> = { ...globals, ...locals, ...inputArtifactValues(copy) };
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

/**
 * An input artifact with its argument applied, as Argo's ProcessArgs: the argument (its `from` already resolved)
 * replaces the input, keeping the input's path and mode. A required input needs a location or key from one of them.
 */
function applyArtifactArgument(input: Artifact, args: Arguments | undefined): Artifact {
  const argument = args?.artifacts?.find((a) => a.name === input.name);
  if (!input.optional && !hasLocationOrKey(input)) {
    if (!argument) throw new NodeError(`inputs.artifacts.${input.name} was not supplied`);
    if (!hasLocationOrKey(argument) && !argument.from && !argument.fromExpression) {
      throw new NodeError(`inputs.artifacts.${input.name} missing location information`);
    }
  }
  if (!argument) return input;
  const applied: Artifact = { ...argument };
  for (const key of ['path', 'mode', 'recurseMode'] as const) {
    if (input[key] === undefined) delete applied[key];
    else (applied as unknown as Record<string, unknown>)[key] = input[key];
  }
  return applied;
}
