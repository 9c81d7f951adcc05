import type { BuildFormValues } from './form-values';
import type { ParameterField } from './parameter-fields';

/** Problems with the form, by field: a parameter's name, or `labels` / `entrypoint`. Empty when it can be submitted. */
export type BuildFormErrors = Record<string, string>;

// Kubernetes label syntax: an optional DNS-subdomain prefix and a name of up to 63 characters; values likewise.
const labelName = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const labelPrefix = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const labelValue = /^(([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?)$/;

/** Splits `key=value,key2=value2` into pairs, or says what is wrong with the first bad one. */
export function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at <= 0) return { error: `"${part}" must be key=value` };
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if ((prefix !== undefined && !labelPrefix.test(prefix)) || !labelName.test(name)) {
      return { error: `"${key}" is not a valid label key: up to 63 letters, digits, '-', '_' or '.', optionally after a DNS prefix and '/'` };
    }
    if (!labelValue.test(value)) return { error: `the value of "${key}" must be up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit` };
    labels[key] = value;
  }
  return { labels };
}

/** Checks the form before it is submitted, so the user sees every problem at once beside its field. */
export function validateBuildForm(fields: ParameterField[], values: BuildFormValues, entrypoints: string[]): BuildFormErrors {
  const errors: BuildFormErrors = {};
  for (const field of fields) {
    const value = values.parameters[field.name] ?? '';
    if (field.required && value === '') errors[field.name] = 'Required: the template gives this parameter no default.';
    else if (field.options && !field.options.includes(value)) errors[field.name] = `Must be one of: ${field.options.join(', ')}.`;
  }
  const labels = parseLabels(values.labels);
  if ('error' in labels) errors['labels'] = labels.error;
  if (values.entrypoint && entrypoints.length && !entrypoints.includes(values.entrypoint)) {
    errors['entrypoint'] = `The template has no template named "${values.entrypoint}".`;
  }
  return errors;
}
