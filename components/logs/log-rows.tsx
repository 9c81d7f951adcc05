'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogLine } from '@/lib/logs/log-line';
import { rowWindow } from '@/lib/logs/row-window';
import { formatTimestamp } from '../workflow-detail/format';
import { AnsiText } from './ansi-text';

const rowHeight = 20;
/** Rows rendered beyond each edge of the view. */
const overscan = 10;

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
 * smoothly as 100. Unwrapped (the default), every row is one line of a fixed height, so which rows are in view is
 * arithmetic on the scroll position (O(1) per frame however many lines there are), and the rows sit in normal flow
 * in one block moved by one transform. Wrapped rows have different heights and are measured by React Virtual
 * (which walks every line when the count changes).
 */
export function LogRows(props: LogRowsProps) {
  const { lines, version, search, focusLine, follow, onUserScrolledUp, wrap, timestamps, podNames, podLabel } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const widest = useRef(0);
  const measured = useRef(0);
  // Track the longest line incrementally, so the horizontal scroll width is known without measuring rows.
  // A line's text is never shorter than its plain text: only a longer one can be the new widest.
  for (let i = measured.current; i < lines.length; i++) if (lines[i]!.text.length > widest.current) widest.current = Math.max(widest.current, lines[i]!.plain.length);
  measured.current = lines.length;
  if (lines.length === 0) { widest.current = 0; measured.current = 0; }

  // The unwrapped view's scroll position and height (state only while not following: following shows the end).
  const [view, setView] = useState({ top: 0, height: 900 });
  const readView = () => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  };
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    readView();
    const observer = new ResizeObserver(readView);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: lines.length,
    // Only wrapped rows need it; disabled, it neither walks the lines nor re-renders on every scroll event.
    enabled: wrap,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    measureElement: (element) => element.getBoundingClientRect().height,
    // Re-render in the next batch, not synchronously inside every scroll event (React Virtual's default).
    useFlushSync: false,
  });
  const fixed = rowWindow(lines.length, view, { follow, rowHeight, overscan });
  const totalSize = wrap ? virtualizer.getTotalSize() : lines.length * rowHeight;

  // Following: stay at the bottom as lines arrive, with one write of scrollTop per commit (at most one a frame).
  // Unwrapped, the end is known without reading the scroll height (a forced layout of its own).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el && lines.length > 0) el.scrollTop = wrap ? el.scrollHeight : lines.length * rowHeight;
  }, [follow, version, lines.length, wrap]);
  // Following stopped (the button, a search match): the rows in view come from the scroll position again.
  useLayoutEffect(() => { if (!follow) readView(); }, [follow, wrap]);
  useEffect(() => {
    if (focusLine === undefined) return;
    const el = scroller.current;
    if (wrap) virtualizer.scrollToIndex(focusLine, { align: 'center' });
    else if (el) el.scrollTop = focusLine * rowHeight - (el.clientHeight - rowHeight) / 2;
  }, [focusLine, wrap, virtualizer]);
  useEffect(() => { if (wrap) virtualizer.measure(); }, [wrap, virtualizer]);

  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Scrolling up by hand stops following; the follow button brings it back.
    const scrolledUp = follow && el.scrollTop < lastTop.current - 4 && el.scrollTop + el.clientHeight < el.scrollHeight - rowHeight * 2;
    lastTop.current = el.scrollTop;
    if (scrolledUp) onUserScrolledUp();
    if (!follow || scrolledUp) readView();
  };

  const prefix = (timestamps ? 21 : 0) + (podNames ? 26 : 0) + 7;
  const rowProps = (index: number) => ({
    focused: index === focusLine,
    search,
    timestamps,
    podLabel: podNames ? podLabel(lines[index]!.podName) : undefined,
    wrap,
  });
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
        {wrap ? virtualizer.getVirtualItems().map((row) => (
          <LogRow key={row.key} index={row.index} start={row.start} line={lines[row.index]!} measure={virtualizer.measureElement} {...rowProps(row.index)} />
        )) : (
          // One transform moves the block; the rows inside are in normal flow, each of a fixed size. While following,
          // rows are keyed by position: as lines arrive, React rewrites the text of the rows already in the DOM
          // instead of removing them and creating new ones. Otherwise by line, so a scroll adds and removes a row.
          <div className="absolute left-0 top-0 w-full" style={{ transform: `translateY(${fixed.first * rowHeight}px)`, contain: 'layout style' }}>
            {range(fixed.first, fixed.end).map((index) => (
              <LogRow key={follow ? `at-${index - fixed.first}` : index} index={index} line={lines[index]!} {...rowProps(index)} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function range(from: number, to: number): number[] {
  const out = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/**
 * One log line; memoised, so re-rendering the list (a scroll, new lines) leaves the rows already drawn alone.
 * `start`: placed at that offset (wrapped rows, measured); without it the row is in flow, one line high.
 */
const LogRow = memo(function LogRow({ index, start, line, measure, focused, search, timestamps, podLabel, wrap }: {
  index: number;
  start?: number;
  line: LogLine;
  measure?: (element: Element | null) => void;
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
      className={`${start === undefined ? '' : 'absolute left-0 '}flex w-full px-3 hover:bg-slate-900 ${focused ? 'bg-slate-800' : ''}`}
      // Rows in flow have a fixed size: size and layout containment (no paint containment: nothing is clipped) keep
      // laying out a new line from touching the rest.
      style={start === undefined ? { height: rowHeight, contain: 'size layout style' } : { transform: `translateY(${start}px)`, minHeight: rowHeight }}
    >
      <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-slate-500">{index + 1}</span>
      {timestamps ? <span className="shrink-0 select-none pr-3 text-slate-500">{line.time ? formatTimestamp(line.time) : ''}</span> : null}
      {podLabel !== undefined ? <span className="w-48 shrink-0 truncate select-none pr-3 text-sky-300" title={line.podName}>{podLabel}</span> : null}
      <span className={wrap ? 'min-w-0 whitespace-pre-wrap break-all' : 'whitespace-pre'}><AnsiText text={line.text} search={search} /></span>
    </div>
  );
});
