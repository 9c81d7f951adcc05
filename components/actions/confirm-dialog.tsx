'use client';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal confirmation (the native `<dialog>`: focus is trapped, Escape cancels). The error of a failed attempt
 * is shown inside, so the user can read it and try again or cancel.
 */
export function ConfirmDialog({ open, title, confirmLabel, danger, pending, error, onConfirm, onCancel, children }: {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onCancel={(e) => { e.preventDefault(); onCancel(); }}
      aria-labelledby="confirm-dialog-title"
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); onConfirm(); }} className="p-5">
          <h2 id="confirm-dialog-title" className="text-base font-semibold">{title}</h2>
          <div className="mt-2 text-sm text-slate-600 dark:text-slate-300">{children}</div>
          {error ? (
            <p role="alert" className="mt-3 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">{error}</p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
              Cancel
            </button>
            <button
              type="submit"
              disabled={pending}
              autoFocus
              className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${danger ? 'bg-rose-600 hover:bg-rose-700' : 'bg-blue-600 hover:bg-blue-700'}`}
            >
              {pending ? 'Working…' : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
