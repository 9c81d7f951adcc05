'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
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
    overscan: 30,
    measureElement: wrap ? (element) => element.getBoundingClientRect().height : undefined,
  });

  // Following: stay at the bottom as lines arrive.
  useLayoutEffect(() => {
    if (follow && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [follow, version, lines.length, virtualizer]);
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
      <div style={{ height: virtualizer.getTotalSize(), width: wrap ? '100%' : `max(100%, ${widest.current + prefix}ch)`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const line = lines[row.index]!;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={wrap ? virtualizer.measureElement : undefined}
              className={`absolute left-0 flex w-full px-3 hover:bg-slate-900 ${row.index === focusLine ? 'bg-slate-800' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, minHeight: rowHeight, height: wrap ? undefined : rowHeight }}
            >
              <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-slate-500">{row.index + 1}</span>
              {timestamps ? <span className="shrink-0 select-none pr-3 text-slate-500">{line.time ? formatTimestamp(line.time) : ''}</span> : null}
              {podNames ? <span className="w-48 shrink-0 truncate select-none pr-3 text-sky-300" title={line.podName}>{podLabel(line.podName)}</span> : null}
              <span className={wrap ? 'min-w-0 whitespace-pre-wrap break-all' : 'whitespace-pre'}><AnsiText text={line.text} search={search} /></span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
