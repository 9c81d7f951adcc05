'use client';
import { useState } from 'react';
import type { ConfigKind, ConfigObjectView } from '@/lib/config-objects/config-object';

/** One key being edited. For a Secret key already saved, `value` stays null until the user types a new one. */
interface Row {
  key: string;
  value: string | null;
}

const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900';

/**
 * Edits one ConfigMap or Secret. A Secret's saved values never reach the browser: each saved key shows as
 * "saved value kept" and is sent back as `null` (keep) unless the user chooses to replace it.
 */
export function ConfigObjectForm({ kind, object, saving, error, onSave, onDelete, onCancel }: {
  kind: ConfigKind;
  object?: ConfigObjectView;
  saving: boolean;
  error?: string;
  onSave: (name: string, data: Record<string, string | null>) => void;
  onDelete?: () => void;
  onCancel: () => void;
}) {
  const secret = kind === 'Secret';
  const [name, setName] = useState(object?.name ?? '');
  const [rows, setRows] = useState<Row[]>(() => {
    const entries = Object.entries(object?.data ?? {});
    return entries.length ? entries.map(([key, value]) => ({ key, value: secret ? null : value })) : [{ key: '', value: '' }];
  });
  const update = (index: number, row: Partial<Row>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...row } : r)));
  const save = () => onSave(name.trim(), Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value])));
  return (
    <form
      className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 className="text-base font-semibold">{object ? `${kind} ${object.name}` : `New ${kind}`}</h2>
      {object ? <p className="text-xs text-slate-500">In <code>{object.file}</code>{object.namespace ? '' : ' (no namespace: it applies to every namespace)'}</p> : (
        <label className="block text-sm">
          Name
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder="my-artifact-repository" required />
        </label>
      )}
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500"><tr><th className="w-1/3 pb-1">Key</th><th className="pb-1">Value</th><th /></tr></thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="align-top">
              <td className="pr-2 pb-2"><input aria-label={`Key ${i + 1}`} className={inputClass} value={row.key} onChange={(e) => update(i, { key: e.target.value })} /></td>
              <td className="pb-2">
                {secret && row.value === null ? (
                  <span className="flex items-center gap-2 text-xs text-slate-500">
                    <span aria-label="saved value kept">•••••••• saved value kept</span>
                    <button type="button" className="text-blue-700 hover:underline dark:text-blue-300" onClick={() => update(i, { value: '' })}>Replace</button>
                  </span>
                ) : secret ? (
                  <input type="password" autoComplete="off" aria-label={`Value ${i + 1}`} className={inputClass} value={row.value ?? ''} onChange={(e) => update(i, { value: e.target.value })} />
                ) : (
                  <textarea aria-label={`Value ${i + 1}`} rows={Math.min(8, Math.max(1, (row.value ?? '').split('\n').length))} className={inputClass} value={row.value ?? ''} onChange={(e) => update(i, { value: e.target.value })} />
                )}
              </td>
              <td className="pb-2 pl-2"><button type="button" aria-label={`Remove key ${row.key || i + 1}`} className="text-xs text-slate-500 hover:text-red-700" onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="text-sm text-blue-700 hover:underline dark:text-blue-300" onClick={() => setRows([...rows, { key: '', value: '' }])}>Add a key</button>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={saving} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50">{saving ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">Cancel</button>
        {onDelete ? <button type="button" onClick={onDelete} disabled={saving} className="ml-auto rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300">Delete</button> : null}
      </div>
    </form>
  );
}
