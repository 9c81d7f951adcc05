'use client';
import type { Parameter } from '@/lib/generated/argo';

/** Editable values for a workflow's parameters; only the changed ones are sent as `name=value`. */
export function ParameterOverrides({ parameters, values, onChange }: {
  parameters: Parameter[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  if (parameters.length === 0) return null;
  return (
    <fieldset className="mt-3">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</legend>
      <div className="mt-1.5 space-y-2">
        {parameters.map((p) => (
          <label key={p.name} className="grid grid-cols-[8rem_1fr] items-center gap-2 text-xs">
            <span className="truncate font-mono" title={p.name}>{p.name}</span>
            <input
              value={values[p.name] ?? p.value ?? ''}
              onChange={(e) => onChange({ ...values, [p.name]: e.target.value })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The overrides that differ from the workflow's values, as the API takes them. */
export function changedParameters(parameters: Parameter[], values: Record<string, string>): string[] {
  return parameters.filter((p) => values[p.name] !== undefined && values[p.name] !== (p.value ?? '')).map((p) => `${p.name}=${values[p.name]}`);
}
