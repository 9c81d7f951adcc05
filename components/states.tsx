/** An error with a way to try again, shared by every page so none fails silently. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">
      {message}
      {onRetry ? <button type="button" onClick={onRetry} className="ml-3 font-medium underline">Try again</button> : null}
    </div>
  );
}

/** A centred message for an empty page: what it is and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white px-6 py-12 text-center ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-500 dark:text-slate-400">{children}</div> : null}
    </div>
  );
}
