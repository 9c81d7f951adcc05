/** Grey rows where the list will be, so the page does not jump when it arrives. */
export function ListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading workflows" className="space-y-px overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex h-11 items-center gap-4 px-4">
          <span className="h-3 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <span className="h-3 w-16 animate-pulse rounded-full bg-slate-200 dark:bg-slate-700" />
          <span className="h-3 w-32 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
          <span className="h-3 flex-1 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
        </div>
      ))}
    </div>
  );
}
