'use client';
import { type InputHTMLAttributes, useEffect, useState } from 'react';
import { type JobsPageState, type LastStatus, lastStatuses } from '@/lib/job-catalog/jobs-query-string';
import { phaseStyle } from '../workflow-detail/phase-style';

const inputClass = 'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200';

/** A text filter that waits for a pause in typing before it changes the URL (and the query). */
function DebouncedInput({ value, onChange, delayMs = 250, ...props }: { value: string; onChange: (v: string) => void; delayMs?: number } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onChange, delayMs]);
  return <input {...props} value={text} onChange={(e) => setText(e.target.value)} />;
}

/** Search, namespace, labels, name pattern and last-status filters of the jobs home. */
export function JobsFilterBar({ state, update, namespaces }: { state: JobsPageState; update: (c: Partial<JobsPageState>) => void; namespaces: string[] }) {
  const statuses = new Set(state.lastStatus ?? []);
  const toggleStatus = (status: LastStatus) => {
    const next = new Set(statuses);
    if (!next.delete(status)) next.add(status);
    update({ lastStatus: lastStatuses.filter((s) => next.has(s)) });
  };
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <DebouncedInput type="search" aria-label="Search jobs" placeholder="Search jobs by name, title or description" value={state.search ?? ''}
        onChange={(search) => update({ search })} className={`${inputClass} w-80`} />
      <DebouncedInput aria-label="Namespace" placeholder="All namespaces" list="job-namespaces" value={state.namespace ?? ''}
        onChange={(namespace) => update({ namespace })} className={`${inputClass} w-40`} />
      <datalist id="job-namespaces">{namespaces.map((n) => <option key={n} value={n} />)}</datalist>
      <DebouncedInput aria-label="Label selector" placeholder="labels, e.g. team=a" value={state.labels ?? ''} spellCheck={false}
        onChange={(labels) => update({ labels })} className={`${inputClass} w-44 font-mono text-xs`} />
      <DebouncedInput aria-label="Name pattern" placeholder="name regex" value={state.nameRegex ?? ''} spellCheck={false}
        onChange={(nameRegex) => update({ nameRegex })} className={`${inputClass} w-36 font-mono text-xs`} />
      <div role="group" aria-label="Last build status" className="flex flex-wrap gap-1">
        {lastStatuses.map((status) => {
          const on = statuses.has(status);
          return (
            <button key={status} type="button" aria-pressed={on} onClick={() => toggleStatus(status)}
              className={`rounded-full px-2.5 py-1 text-xs font-medium ring-1 ${on ? `${status === 'None' ? 'bg-slate-200 text-slate-800 dark:bg-slate-600 dark:text-slate-50' : phaseStyle(status).badge} ring-transparent` : 'bg-white text-slate-500 ring-slate-200 hover:text-slate-800 dark:ring-slate-700 dark:hover:text-slate-100'}`}>
              {status === 'None' ? 'Never built' : status}
            </button>
          );
        })}
      </div>
    </div>
  );
}
