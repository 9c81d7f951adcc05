'use client';

/**
 * In a delete confirmation, when some of the workflows are also in the archive: the choice Argo's UI offers
 * ("delete in database"), said plainly. Unticked, the archived copies stay and the lists show them as archived.
 */
export function ArchiveChoice({ archived, total, checked, onChange }: {
  archived: number;
  total: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  if (archived === 0) return null;
  const which = total === 1 ? 'This workflow is' : archived === total ? `All ${total} are` : `${archived} of these ${total} are`;
  return (
    <div className="mt-3 rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
      <p>{which} also kept in the workflow archive.</p>
      <label className="mt-1.5 flex items-center gap-2 font-medium text-slate-800 dark:text-slate-100">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Also delete from the archive
      </label>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {checked
          ? 'Gone for good: the archived copy is deleted as well.'
          : 'The archived copy stays: it is still listed (as archived) and can be resubmitted or retried from there.'}
      </p>
    </div>
  );
}
