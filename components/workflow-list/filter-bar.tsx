'use client';
import { type FormEvent, useEffect, useState } from 'react';
import { splitSelector } from '@/lib/k8s/label-selector';
import { type WorkflowListFilters, hasFilters, workflowPhases } from '@/lib/workflows/list-filters';

const input = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

function Text({ label, name, value, placeholder, type = 'text', className }: { label: string; name: string; value?: string; placeholder?: string; type?: string; className?: string }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-slate-500 dark:text-slate-400">
      {label}
      <input name={name} type={type} defaultValue={value ?? ''} placeholder={placeholder} className={`${input} ${className ?? ''}`} />
    </label>
  );
}

/**
 * The list's filters. Phases apply at once; the text fields apply on Enter or "Apply", so typing does not send
 * a request per key. The `/` key focuses the name search (see the shell's shortcuts).
 */
export function FilterBar({ filters, onChange }: { filters: WorkflowListFilters; onChange: (filters: WorkflowListFilters) => void }) {
  // Re-mount the form's inputs when the URL changes (back button, "clear"), so they show what applies.
  const [formKey, setFormKey] = useState(0);
  useEffect(() => setFormKey((k) => k + 1), [filters]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? '').trim() || undefined;
    onChange({
      ...filters,
      name: text('name'),
      labels: splitSelector(String(data.get('labels') ?? '')).map((l) => l.trim()).filter(Boolean),
      template: text('template'),
      cron: text('cron'),
      from: text('from'),
      to: text('to'),
    });
  };
  const togglePhase = (phase: string) => onChange({
    ...filters,
    phases: filters.phases.includes(phase) ? filters.phases.filter((p) => p !== phase) : [...filters.phases, phase],
  });
  return (
    <form key={formKey} onSubmit={submit} role="search" aria-label="Filter workflows" className="mb-4 space-y-3 rounded-lg bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      <div className="flex flex-wrap items-end gap-3">
        <Text label="Name contains" name="name" value={filters.name} placeholder="Search by name  ( / )" className="w-56" />
        <Text label="Labels" name="labels" value={filters.labels.join(',')} placeholder="team=data,env!=dev" className="w-52" />
        <Text label="Template" name="template" value={filters.template} className="w-40" />
        <Text label="Cron workflow" name="cron" value={filters.cron} className="w-40" />
        <Text label="Started from" name="from" type="date" value={filters.from} />
        <Text label="to" name="to" type="date" value={filters.to} />
        <button type="submit" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">Apply</button>
        {hasFilters(filters) ? (
          <button type="button" onClick={() => onChange({ phases: [], labels: [] })} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Clear filters
          </button>
        ) : null}
      </div>
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Phase</legend>
        <span aria-hidden className="mr-1 text-xs text-slate-500 dark:text-slate-400">Phase</span>
        {workflowPhases.map((phase) => {
          const on = filters.phases.includes(phase);
          return (
            <button
              key={phase}
              type="button"
              aria-pressed={on}
              onClick={() => togglePhase(phase)}
              className={`rounded-full border px-2.5 py-0.5 text-xs font-medium ${on ? 'border-blue-600 bg-blue-600 text-white' : 'border-slate-300 text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'}`}
            >
              {phase}
            </button>
          );
        })}
      </fieldset>
    </form>
  );
}
