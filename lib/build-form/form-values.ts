import type { ParameterField } from './parameter-fields';

/** What the "Build with parameters" form holds: one value per parameter, and the advanced options. */
export interface BuildFormValues {
  parameters: Record<string, string>;
  /** `key=value` pairs separated by commas, as `argo submit -l` takes them. */
  labels: string;
  /** A template name to start from instead of the spec's entrypoint; empty keeps it. */
  entrypoint: string;
}

/** Query parameters that pre-fill the form: `p.<name>=<value>`, plus `labels` and `entrypoint`. */
const parameterPrefix = 'p.';

/** Where pre-filled values come from, later sources winning: the template, a build being rebuilt, the URL. */
export interface PrefillSources {
  /** The parameters a previous build ran with (a rebuild). */
  previous?: { name: string; value?: string }[];
  /** The page's query string, as entries. */
  query?: Iterable<[string, string]>;
}

/** The form's starting values, and the names given by a build or the URL that the template does not declare. */
export function prefillValues(fields: ParameterField[], sources: PrefillSources = {}): { values: BuildFormValues; ignored: string[] } {
  const declared = new Set(fields.map((f) => f.name));
  const parameters: Record<string, string> = Object.fromEntries(fields.map((f) => [f.name, f.initial]));
  const ignored = new Set<string>();
  const put = (name: string, value: string) => {
    if (declared.has(name)) parameters[name] = value;
    else ignored.add(name);
  };
  for (const p of sources.previous ?? []) if (p.value !== undefined) put(p.name, p.value);
  let labels = '';
  let entrypoint = '';
  for (const [key, value] of sources.query ?? []) {
    if (key.startsWith(parameterPrefix) && key.length > parameterPrefix.length) put(key.slice(parameterPrefix.length), value);
    else if (key === 'labels') labels = value;
    else if (key === 'entrypoint') entrypoint = value;
  }
  return { values: { parameters, labels, entrypoint }, ignored: [...ignored] };
}

/**
 * The query string that reopens the form as it is: only values that differ from the template's, so a shared link
 * stays short and follows later changes of the other defaults.
 */
export function toShareQuery(fields: ParameterField[], values: BuildFormValues): string {
  const query = new URLSearchParams();
  for (const field of fields) {
    const value = values.parameters[field.name] ?? field.initial;
    if (value !== field.initial) query.set(`${parameterPrefix}${field.name}`, value);
  }
  if (values.labels.trim()) query.set('labels', values.labels.trim());
  if (values.entrypoint) query.set('entrypoint', values.entrypoint);
  return query.toString();
}

/** The parameters whose value differs between two builds, in first-seen order; a missing one reads as undefined. */
export function diffParameters(
  previous: { name: string; value?: string }[] | undefined,
  current: { name: string; value?: string }[] | undefined,
): { name: string; before?: string; after?: string }[] {
  const before = new Map((previous ?? []).map((p) => [p.name, p.value]));
  const after = new Map((current ?? []).map((p) => [p.name, p.value]));
  const names = [...new Set([...after.keys(), ...before.keys()])];
  return names
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => ({ name, ...(before.has(name) ? { before: before.get(name) } : {}), ...(after.has(name) ? { after: after.get(name) } : {}) }));
}
