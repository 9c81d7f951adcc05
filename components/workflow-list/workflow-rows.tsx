'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { memo, useLayoutEffect, useRef } from 'react';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import { type WorkflowSort, type WorkflowSortKey } from '@/lib/workflows/sort-workflows';
import { PhaseBadge } from '../phase-badge';
import type { ListedWorkflow } from '../queries/workflow-list';
import { formatElapsed, formatTimestamp } from '../workflow-detail/format';

const rowHeight = 44;
// The name takes the most room: at 1280 px the message column (empty for most runs) used to take as much as the name,
// which was cut after ~25 characters. Template and message keep a readable minimum and show the rest on hover.
const columns = 'grid grid-cols-[2.5rem_minmax(14rem,3fr)_7rem_10.5rem_6rem_7rem_minmax(6rem,1fr)_minmax(6rem,1.5fr)] items-center';

export function templateOf(workflow: ListedWorkflow): string {
  const labels = workflow.metadata.labels ?? {};
  return labels['workflows.argoproj.io/workflow-template'] ?? labels['workflows.argoproj.io/cluster-workflow-template'] ?? labels['workflows.argoproj.io/cron-workflow'] ?? '';
}

function Progress({ progress }: { progress: string | undefined }) {
  const [done, total] = (progress ?? '').split('/').map(Number);
  if (!total || done === undefined || Number.isNaN(done)) return <span className="text-slate-400">-</span>;
  return (
    <span className="flex items-center gap-2" title={`${done} of ${total} pods done`}>
      <span className="h-1.5 w-12 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <span className="block h-full bg-emerald-500" style={{ width: `${Math.round((done / total) * 100)}%` }} />
      </span>
      <span className="tabular-nums text-xs">{progress}</span>
    </span>
  );
}

const Row = memo(function Row({ workflow, selected, onToggle, now, top }: {
  workflow: ListedWorkflow;
  selected: boolean;
  onToggle: (name: string) => void;
  now: Date;
  top: number;
}) {
  const { name = '', namespace = '' } = workflow.metadata;
  const status = workflow.status ?? {};
  const failed = status.phase === 'Failed' || status.phase === 'Error';
  return (
    <div
      role="row"
      aria-selected={selected}
      className={`${columns} absolute left-0 w-full border-t border-slate-100 px-2 text-sm dark:border-slate-800 ${selected ? 'bg-blue-50 dark:bg-blue-950' : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'}`}
      // A fixed-size row: containment keeps drawing a row that scrolls into view from re-laying out the others.
      style={{ height: rowHeight, transform: `translateY(${top}px)`, contain: 'strict' }}
    >
      <span role="cell" className="px-2">
        <input type="checkbox" checked={selected} onChange={() => onToggle(name)} aria-label={`Select ${name}`} className="h-4 w-4" />
      </span>
      <span role="cell" className="flex min-w-0 items-center px-2 font-medium">
        {/* No prefetch: while scrolling thousands of rows, each one entering the view would fetch its page. */}
        <Link prefetch={false} href={`/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`} title={name} className="truncate text-blue-700 hover:underline dark:text-blue-300">{name}</Link>
        {/* An icon, not a word: with an archive every finished run is listed from it, so a badge on most rows was
            noise that took the name's room. It never shrinks: a long name is cut, not the mark. */}
        {workflow.metadata.labels?.[workflowLabels.archivingStatus] === 'Persisted' ? (
          <span title="Listed from the workflow archive" className="ml-1.5 shrink-0 text-slate-400 dark:text-slate-500">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
              <rect x="1.75" y="2.75" width="12.5" height="3.5" rx="0.75" />
              <path d="M2.75 6.25v6a1 1 0 0 0 1 1h8.5a1 1 0 0 0 1-1v-6M6.5 9h3" strokeLinecap="round" />
            </svg>
            <span className="sr-only">archived</span>
          </span>
        ) : null}
      </span>
      <span role="cell" className="px-2"><PhaseBadge phase={status.phase} /></span>
      <span role="cell" className="px-2 tabular-nums text-slate-600 dark:text-slate-300">{formatTimestamp(status.startedAt ?? workflow.metadata.creationTimestamp)}</span>
      <span role="cell" className="px-2 tabular-nums text-slate-600 dark:text-slate-300">{formatElapsed(status, now) || '-'}</span>
      <span role="cell" className="px-2"><Progress progress={status.progress} /></span>
      <span role="cell" className="truncate px-2 text-slate-600 dark:text-slate-300" title={templateOf(workflow)}>{templateOf(workflow)}</span>
      <span role="cell" className={`truncate px-2 ${failed ? 'text-rose-700 dark:text-rose-300' : 'text-slate-600 dark:text-slate-300'}`} title={status.message}>{status.message}</span>
    </div>
  );
});

function Header({ label, sortKey, sort, onSort }: { label: string; sortKey?: WorkflowSortKey; sort?: WorkflowSort; onSort: (sort: WorkflowSort | null) => void }) {
  if (!sortKey) return <span role="columnheader" className="px-2">{label}</span>;
  const active = sort?.key === sortKey;
  // Cycle: ascending, descending, back to the server's order.
  const next = !active ? { key: sortKey, descending: sortKey === 'started' || sortKey === 'duration' } : sort.descending === (sortKey === 'started' || sortKey === 'duration') ? { key: sortKey, descending: !sort.descending } : null;
  return (
    <span role="columnheader" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="px-2">
      <button type="button" onClick={() => onSort(next)} className="uppercase tracking-wide hover:text-slate-900 dark:hover:text-white">
        {label}{active ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </span>
  );
}

/**
 * The workflows as a virtualised table: only rows in view are in the DOM. When live updates add rows above
 * the ones in view, the scroll position moves with them, so what the user is reading stays put.
 */
export function WorkflowRows({ items, selected, onToggle, onToggleAll, now, sort, onSort }: {
  items: readonly ListedWorkflow[];
  selected: ReadonlySet<string>;
  onToggle: (name: string) => void;
  onToggleAll: () => void;
  now: Date;
  sort?: WorkflowSort;
  onSort: (sort: WorkflowSort | null) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (i) => items[i]?.metadata.uid ?? i,
    // Render the rows a scroll brings into view in React's next batch, not synchronously inside each scroll event.
    useFlushSync: false,
  });
  // Keep the first row in view where it is when rows are inserted or removed above it.
  const anchor = useRef<{ uid: string; offset: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = scroller.current;
    const previous = anchor.current;
    if (el && previous && el.scrollTop > 0) {
      const index = items.findIndex((w) => w.metadata.uid === previous.uid);
      if (index >= 0) el.scrollTop = index * rowHeight + previous.offset;
    }
  }, [items]);
  const remember = () => {
    const el = scroller.current;
    if (!el) return;
    const index = Math.floor(el.scrollTop / rowHeight);
    const uid = items[index]?.metadata.uid;
    anchor.current = uid ? { uid, offset: el.scrollTop - index * rowHeight } : undefined;
  };
  const allSelected = items.length > 0 && items.every((w) => selected.has(w.metadata.name ?? ''));
  return (
    <div role="table" aria-label="Workflows" aria-rowcount={items.length + 1} className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      <div role="rowgroup">
        <div role="row" className={`${columns} bg-slate-100 px-2 py-2 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-400`}>
          <span role="columnheader" className="px-2">
            <input type="checkbox" checked={allSelected} onChange={onToggleAll} aria-label="Select all workflows on this page" className="h-4 w-4" />
          </span>
          <Header label="Name" sortKey="name" sort={sort} onSort={onSort} />
          <Header label="Status" sortKey="phase" sort={sort} onSort={onSort} />
          <Header label="Started" sortKey="started" sort={sort} onSort={onSort} />
          <Header label="Duration" sortKey="duration" sort={sort} onSort={onSort} />
          <Header label="Progress" onSort={onSort} />
          <Header label="Template" onSort={onSort} />
          <Header label="Message" onSort={onSort} />
        </div>
      </div>
      <div ref={scroller} onScroll={remember} role="rowgroup" className="min-h-0 flex-1 overflow-auto" data-testid="workflow-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const workflow = items[row.index]!;
            return (
              <Row key={row.key} workflow={workflow} selected={selected.has(workflow.metadata.name ?? '')} onToggle={onToggle} now={now} top={row.start} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
