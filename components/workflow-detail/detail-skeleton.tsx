/** The detail page's shape while the workflow loads: header, tabs and an empty canvas. */
export function DetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading workflow" className="flex h-[calc(100vh-3rem)] flex-col">
      <p className="sr-only">Loading workflow…</p>
      <div className="h-4 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div className="mt-3 h-7 w-80 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div className="mt-4 flex gap-10">
        {[0, 1, 2, 3].map((i) => <div key={i} className="h-8 w-28 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />)}
      </div>
      <div className="mt-6 h-9 w-72 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      <div className="mt-4 flex-1 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />
    </div>
  );
}
