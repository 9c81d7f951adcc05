'use client';
import { useState } from 'react';
import { lastStatuses } from '@/lib/job-catalog/jobs-query-string';
import { type ViewDraft, draftProblems } from '@/lib/job-catalog/view-draft';
import { ConfirmDialog } from '../actions/confirm-dialog';

const inputClass = 'mt-0.5 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

function Field({ id, label, help, problem, value, onChange, mono, list }: {
  id: string; label: string; help?: string; problem?: string; value: string; onChange: (v: string) => void; mono?: boolean; list?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <input id={id} list={list} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : help ? `${id}-help` : undefined} className={`${inputClass} ${mono ? 'font-mono text-xs' : ''}`} />
      {problem ? <p id={`${id}-problem`} className="mt-0.5 text-xs text-rose-700 dark:text-rose-300">{problem}</p>
        : help ? <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">{help}</p> : null}
    </div>
  );
}

/**
 * Creates or edits a saved view: its name and every filter field. Problems are shown beside their field before
 * anything is sent; renaming keeps the view's id, so links shared earlier keep working.
 */
export function ViewEditor({ title, initial, folders, pending, error, onSave, onCancel }: {
  title: string; initial: ViewDraft; folders: string[]; pending: boolean; error?: string; onSave: (draft: ViewDraft) => void; onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const problems = tried ? draftProblems(draft) : {};
  const set = (change: Partial<ViewDraft>) => setDraft((d) => ({ ...d, ...change }));
  const save = () => {
    setTried(true);
    if (Object.keys(draftProblems(draft)).length === 0) onSave(draft);
  };
  return (
    <ConfirmDialog open title={title} confirmLabel="Save view" pending={pending} error={error} onConfirm={save} onCancel={onCancel}>
      <div className="space-y-2.5">
        <Field id="view-name" label="View name" value={draft.name} onChange={(name) => set({ name })} problem={problems.name} />
        <Field id="view-folder" label="Folder" help="This folder and its sub-folders, e.g. team-a/backend." value={draft.folder} onChange={(folder) => set({ folder })} list="view-folders" />
        <datalist id="view-folders">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        <Field id="view-namespace" label="Namespace" help="Empty: every namespace." value={draft.namespace} onChange={(namespace) => set({ namespace })} />
        <Field id="view-labels" label="Labels" help="A label selector on the job, e.g. team=a,tier in (web,api)." value={draft.labels} onChange={(labels) => set({ labels })} problem={problems.labels} mono />
        <Field id="view-name-regex" label="Name pattern" help="A regular expression on the job's name, e.g. ^deploy-." value={draft.nameRegex} onChange={(nameRegex) => set({ nameRegex })} problem={problems.nameRegex} mono />
        <Field id="view-search" label="Search" help="Text in the name, title or description." value={draft.search} onChange={(search) => set({ search })} />
        <fieldset>
          <legend className="text-xs font-medium text-slate-700">Last build</legend>
          <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
            {lastStatuses.map((status) => (
              <label key={status} className="flex items-center gap-1 text-xs text-slate-700">
                <input type="checkbox" checked={draft.lastStatus.includes(status)}
                  onChange={(e) => set({ lastStatus: lastStatuses.filter((s) => (s === status ? e.target.checked : draft.lastStatus.includes(s))) })} />
                {status === 'None' ? 'Never built' : status}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </ConfirmDialog>
  );
}
