import type { Parameter } from '../generated/argo';
import { parameterText } from '../engine/parameter-text';

/** How a parameter is edited: a choice, an on/off switch, one line, or several lines. */
export type FieldKind = 'select' | 'toggle' | 'text' | 'multiline';

/** One field of the "Build with parameters" form, derived from a `spec.arguments.parameters` entry. */
export interface ParameterField {
  name: string;
  kind: FieldKind;
  /** The parameter's `description`, shown as help under the field. */
  help?: string;
  /** The allowed values (`enum`), for selects and toggles. */
  options?: string[];
  /** What the form starts with: the template's `value`, else its `default`, else empty. */
  initial: string;
  /** True when the template gives neither a value nor a default nor a `valueFrom`: Argo rejects an empty build. */
  required: boolean;
  /** Where the value comes from when the template reads it from elsewhere (`valueFrom`), for the help text. */
  source?: string;
}

/** Values longer than this, or with a line break, get a multi-line editor. */
const longValue = 60;

function isBooleanEnum(values: string[]): boolean {
  return values.length === 2 && values.includes('true') && values.includes('false');
}

function describeSource(parameter: Parameter): string | undefined {
  const from = parameter.valueFrom;
  if (!from) return undefined;
  if (from.configMapKeyRef) return `ConfigMap ${from.configMapKeyRef.name ?? ''} key ${from.configMapKeyRef.key}`;
  if (from.supplied) return 'supplied when the workflow is resumed';
  return 'computed by the workflow';
}

/** The form's field for one parameter. */
export function toParameterField(parameter: Parameter): ParameterField {
  const initial = parameterText(parameter.value) ?? parameterText(parameter.default) ?? '';
  const options = parameter.enum?.map((v) => parameterText(v) ?? '');
  const source = describeSource(parameter);
  const hasValue = parameter.value !== undefined || parameter.default !== undefined;
  let kind: FieldKind = 'text';
  if (options?.length) kind = isBooleanEnum(options) ? 'toggle' : 'select';
  else if (initial.includes('\n') || initial.length > longValue) kind = 'multiline';
  return {
    name: parameter.name,
    kind,
    ...(parameter.description ? { help: parameter.description } : {}),
    ...(options?.length ? { options } : {}),
    // A select without a value starts on its first choice, as Argo's UI does.
    initial: kind === 'select' || kind === 'toggle' ? (hasValue ? initial : options![0]!) : initial,
    required: !hasValue && !source && !options?.length,
    ...(source ? { source } : {}),
  };
}

/** The form's fields, in the template's order; a repeated name keeps its first entry. */
export function toParameterFields(parameters: Parameter[] | undefined): ParameterField[] {
  const seen = new Set<string>();
  return (parameters ?? []).filter((p) => p.name && !seen.has(p.name) && seen.add(p.name)).map(toParameterField);
}
