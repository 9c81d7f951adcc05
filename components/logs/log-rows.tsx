'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { LogLine } from '@/lib/logs/log-line';
import { formatTimestamp } from '../workflow-detail/format';
import { AnsiText } from './ansi-text';

const rowHeight = 20;

export interface LogRowsProps {
  lines: readonly LogLine[];
  /** Bumps when `lines` grew (it is mutated in place). */
  version: number;
  search: string;
  /** The line to bring into view (the current search match). */
  focusLine: number | undefined;
  follow: boolean;
  onUserScrolledUp: () => void;
  wrap: boolean;
  timestamps: boolean;
  podNames: boolean;
  /** Short names for pods in the pod column. */
  podLabel: (podName: string) => string;
}

/**
 * The log lines, virtualised: only the rows in view (plus a few) are in the DOM, so 100,000 lines scroll as
 * smoothly as 100. Without wrapping every row is one fixed-height line; with it rows are measured.
 */
export function LogRows(props: LogRowsProps) {
  const { lines, version, search, focusLine, follow, onUserScrolledUp, wrap, timestamps, podNames, podLabel } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const widest = useRef(0);
  const measured = useRef(0);
  // Track the longest line incrementally, so the horizontal scroll width is known without measuring rows.
  for (let i = measured.current; i < lines.length; i++) widest.current = Math.max(widest.current, lines[i]!.plain.length);
  measured.current = lines.length;
  if (lines.length === 0) { widest.current = 0; measured.current = 0; }

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    measureElement: wrap ? (element) => element.getBoundingClientRect().height : undefined,
    // Re-render in the next batch, not synchronously inside every scroll event (React Virtual's default).
    useFlushSync: false,
  });
  // Following unwrapped lines: the rows in view are the last ones, known without asking the virtualizer, whose
  // range still reflects the scroll position before the new lines (rendering that range first is wasted work).
  const rows: { index: number; key: number | string | bigint; start: number }[] = follow && !wrap
    ? lastRows(lines.length, Math.ceil((virtualizer.scrollRect?.height || 900) / rowHeight) + 10)
    : virtualizer.getVirtualItems();
  const totalSize = wrap ? virtualizer.getTotalSize() : lines.length * rowHeight;

  // Following: stay at the bottom as lines arrive. One write of scrollTop per commit (at most one a frame), not
  // the virtualizer's scrollToIndex: that re-reads the scroll height (a forced layout) on every scroll event and
  // animation frame until the target settles, which never happens while lines keep arriving.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [follow, version, lines.length]);
  useEffect(() => {
    if (focusLine !== undefined) virtualizer.scrollToIndex(focusLine, { align: 'center' });
  }, [focusLine, virtualizer]);
  useEffect(() => { virtualizer.measure(); }, [wrap, virtualizer]);

  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Scrolling up by hand stops following; the follow button brings it back.
    if (follow && el.scrollTop < lastTop.current - 4 && el.scrollTop + el.clientHeight < el.scrollHeight - rowHeight * 2) onUserScrolledUp();
    lastTop.current = el.scrollTop;
  };

  const prefix = (timestamps ? 21 : 0) + (podNames ? 26 : 0) + 7;
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      className="log-scroller h-full overflow-auto bg-slate-950 font-mono text-xs leading-5 text-slate-200"
      role="log"
      aria-label="Log lines"
      tabIndex={0}
    >
      <div style={{ height: totalSize, width: wrap ? '100%' : `max(100%, ${widest.current + prefix}ch)`, position: 'relative' }}>
        {rows.map((row) => (
          <LogRow
            key={row.key}
            index={row.index}
            start={row.start}
            line={lines[row.index]!}
            measure={wrap ? virtualizer.measureElement : undefined}
            focused={row.index === focusLine}
            search={search}
            timestamps={timestamps}
            podLabel={podNames ? podLabel(lines[row.index]!.podName) : undefined}
            wrap={wrap}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * The last `count` rows of `total` fixed-height rows. Keyed by slot (index modulo count), so while following React
 * updates the text of the rows already in the DOM instead of removing them and creating new ones each frame.
 */
function lastRows(total: number, count: number) {
  const rows = [];
  for (let index = Math.max(0, total - count); index < total; index++) rows.push({ index, key: `slot-${index % count}`, start: index * rowHeight });
  return rows;
}

/** One log line; memoised, so re-rendering the list (a scroll, new lines) leaves the rows already drawn alone. */
const LogRow = memo(function LogRow({ index, start, line, measure, focused, search, timestamps, podLabel, wrap }: {
  index: number;
  start: number;
  line: LogLine;
  measure: ((element: Element | null) => void) | undefined;
  focused: boolean;
  search: string;
  timestamps: boolean;
  /** The pod column's text; undefined hides the column. */
  podLabel: string | undefined;
  wrap: boolean;
}) {
  return (
    <div
      data-index={index}
      ref={measure}
      className={`absolute left-0 flex w-full px-3 hover:bg-slate-900 ${focused ? 'bg-slate-800' : ''}`}
      // Unwrapped rows have a fixed size: size and layout containment (no paint containment: nothing is clipped) keep laying out a new row from touching the rest.
      style={{ transform: `translateY(${start}px)`, minHeight: rowHeight, height: wrap ? undefined : rowHeight, contain: wrap ? undefined : 'size layout style' }}
    >
      <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-slate-500">{index + 1}</span>
      {timestamps ? <span className="shrink-0 select-none pr-3 text-slate-500">{line.time ? formatTimestamp(line.time) : ''}</span> : null}
      {podLabel !== undefined ? <span className="w-48 shrink-0 truncate select-none pr-3 text-sky-300" title={line.podName}>{podLabel}</span> : null}
      <span className={wrap ? 'min-w-0 whitespace-pre-wrap break-all' : 'whitespace-pre'}><AnsiText text={line.text} search={search} /></span>
    </div>
  );
});
