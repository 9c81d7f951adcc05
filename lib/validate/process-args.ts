import type { Arguments, Artifact, Parameter, Template } from '@/lib/generated/argo';
import { hasLocationOrKey } from './artifact-location';
import type { PlaceholderSource } from './placeholders';
import { replaceTemplateTags, scanTemplateTags } from './template-tags';

// Argo's common.ProcessArgs as validation calls it: bind a template's inputs to arguments, then substitute
// global, local and input variables into the template. Validation never reads ConfigMaps.

/** Where a template's inputs come from: a step's or task's arguments, or made-up values (Argo's FakeArguments). */
export interface ArgumentSource {
  getParameter(name: string): Parameter | undefined;
  getArtifact(name: string): Artifact | undefined;
}

/** Arguments that supply every input with a placeholder, to validate a template on its own. */
export function toFakeArguments(placeholders: PlaceholderSource): ArgumentSource {
  return {
    getParameter: (name) => ({ name, value: placeholders.next() }),
    getArtifact: (name) => ({ name }),
  };
}

const noArguments: ArgumentSource = { getParameter: () => undefined, getArtifact: () => undefined };

/** The arguments a step, task or workflow passes. */
export function toArgumentSource(args: Arguments | undefined): ArgumentSource {
  if (args === undefined) return noArguments;
  return {
    getParameter: (name) => args?.parameters?.find((param) => param.name === name),
    getArtifact: (name) => args?.artifacts?.find((artifact) => artifact.name === name),
  };
}

function bindParameter(input: Parameter, argument: Parameter | undefined): Parameter | string {
  const bound: Parameter = { ...input };
  if (bound.value === undefined && bound.default !== undefined) bound.value = bound.default;
  if (argument !== undefined) {
    if (argument.value !== undefined) {
      bound.value = argument.value;
      delete bound.valueFrom;
    } else {
      bound.valueFrom = argument.valueFrom;
      delete bound.value;
    }
  }
  if (bound.valueFrom?.configMapKeyRef === undefined && bound.value === undefined) {
    return `inputs.parameters.${input.name} was not supplied`;
  }
  return bound;
}

function bindArtifact(input: Artifact, argument: Artifact | undefined): Artifact | string {
  if (input.optional !== true && !hasLocationOrKey(input) && argument === undefined) {
    return `inputs.artifacts.${input.name} was not supplied`;
  }
  if (argument === undefined) return input;
  const bound: Artifact = { ...argument, path: input.path };
  if (input.mode !== undefined) bound.mode = input.mode;
  else delete bound.mode;
  if (input.recurseMode !== undefined) bound.recurseMode = input.recurseMode;
  else delete bound.recurseMode;
  return bound;
}

function substitute(text: string, values: ReadonlyMap<string, string>): string {
  const scan = scanTemplateTags(text);
  if (scan.error !== undefined) throw new Error(scan.error);
  return replaceTemplateTags(text, values);
}

// Argo's SubstituteParams: globals and locals first (inputs may reference them), then inputs and paths.
function substituteParams(template: Template, globals: ReadonlyMap<string, string>, locals: ReadonlyMap<string, string>): Template | string {
  const values = new Map([...globals, ...locals]);
  let replaced: Template;
  try {
    replaced = JSON.parse(substitute(JSON.stringify(template), values)) as Template;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  for (const param of replaced.inputs?.parameters ?? []) {
    if (param.value === undefined && param.valueFrom === undefined) return `inputs.parameters.${param.name} had no value`;
    if (param.value !== undefined) values.set(`inputs.parameters.${param.name}`, param.value);
  }
  values.set('inputs.parameters', JSON.stringify(replaced.inputs?.parameters ?? []));
  for (const artifact of replaced.inputs?.artifacts ?? []) {
    if (artifact.path) values.set(`inputs.artifacts.${artifact.name}.path`, artifact.path);
  }
  for (const artifact of replaced.outputs?.artifacts ?? []) {
    if (artifact.path) values.set(`outputs.artifacts.${artifact.name}.path`, artifact.path);
  }
  for (const param of replaced.outputs?.parameters ?? []) {
    if (param.valueFrom?.path) values.set(`outputs.parameters.${param.name}.path`, param.valueFrom.path);
  }
  try {
    return JSON.parse(substitute(JSON.stringify(replaced), values)) as Template;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const constant = new WeakMap<Template, boolean>();

/** Whether a template has no inputs and no variables, so binding arguments leaves it as it is. */
export function isConstantTemplate(template: Template): boolean {
  let known = constant.get(template);
  if (known === undefined) {
    known = !template.inputs?.parameters?.length && !template.inputs?.artifacts?.length && !JSON.stringify(template).includes('{{');
    constant.set(template, known);
  }
  return known;
}

/**
 * Binds the template's inputs to `args` and substitutes variables, returning the new template or why it
 * cannot be done (an input with no value, an unterminated `{{`). The input template is not modified.
 */
export function processArgs(
  template: Template,
  args: ArgumentSource,
  globals: ReadonlyMap<string, string>,
  locals: ReadonlyMap<string, string>,
): Template | string {
  // A template with no inputs and no variables comes out as it went in (a DAG of thousands of tasks calls one).
  if (isConstantTemplate(template)) return template;
  const copy = structuredClone(template);
  if (copy.inputs?.parameters !== undefined) {
    const bound: Parameter[] = [];
    for (const input of copy.inputs.parameters) {
      const param = bindParameter(input, args.getParameter(input.name));
      if (typeof param === 'string') return param;
      bound.push(param);
    }
    copy.inputs.parameters = bound;
  }
  if (copy.inputs?.artifacts !== undefined) {
    const bound: Artifact[] = [];
    for (const input of copy.inputs.artifacts) {
      const artifact = bindArtifact(input, args.getArtifact(input.name));
      if (typeof artifact === 'string') return artifact;
      bound.push(artifact);
    }
    copy.inputs.artifacts = bound;
  }
  return substituteParams(copy, globals, locals);
}
