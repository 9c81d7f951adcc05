'use client';

/** Page size, previous and next (server-side pages with continue tokens), and whether updates are live. */
export function Pager({ count, pageNumber, live, limit, sizes, onLimit, onPrevious, onNext }: {
  count: number;
  pageNumber: number;
  live: boolean;
  limit: number;
  sizes: readonly number[];
  onLimit: (limit: number) => void;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  const button = 'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-xs text-slate-600 dark:text-slate-300">
      <span className="flex items-center gap-1.5" title={live ? 'Changes appear as they happen' : 'Reconnecting to the live updates; refreshing every few seconds'}>
        <span aria-hidden className={`h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-amber-400'}`} />
        {live ? 'Live' : 'Reconnecting…'}
      </span>
      <span>Page {pageNumber} · {count} shown</span>
      <label className="ml-auto flex items-center gap-1.5">
        Per page
        <select value={limit} onChange={(e) => onLimit(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-800">
          {sizes.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <button type="button" className={button} disabled={!onPrevious} onClick={onPrevious}>Previous</button>
      <button type="button" className={button} disabled={!onNext} onClick={onNext}>Next</button>
    </nav>
  );
}
