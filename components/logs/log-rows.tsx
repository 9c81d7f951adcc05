'use client';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogLines } from '@/lib/logs/log-lines';
import { rowWindow } from '@/lib/logs/row-window';
import { WrappedRows } from '@/lib/logs/wrapped-rows';
import { formatTimestamp } from '../workflow-detail/format';
import { AnsiText } from './ansi-text';

const rowHeight = 20;
/** Rows rendered beyond each edge of the view. */
const overscan = 10;

export interface LogRowsProps {
  lines: LogLines;
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
 * smoothly as 100. Which lines are in view is arithmetic on the scroll position, never a measurement of rows:
 * unwrapped (the default) every line is one row of a fixed height (O(1) per frame however many lines there are);
 * wrapped, a line's height follows from its length and the text column's width in characters (the font is
 * monospace), counted once per line as lines arrive (WrappedRows). The rows sit in normal flow in one block moved
 * by one transform.
 */
export function LogRows(props: LogRowsProps) {
  const { lines, version, search, focusLine, follow, onUserScrolledUp, wrap, timestamps, podNames, podLabel } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const block = useRef<HTMLDivElement>(null);
  const ruler = useRef<HTMLSpanElement>(null);

  // The view's scroll position and size (the position is state only while not following: following shows the end).
  const [view, setView] = useState({ top: 0, height: 900, width: 0 });
  const readView = () => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight && v.width === el.clientWidth ? v : { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth }));
  };
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    readView();
    const observer = new ResizeObserver(readView);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Wrapped: the text column's width in characters, measured once per width and column set, not per row.
  const [columns, setColumns] = useState(0);
  const hasRows = lines.length > 0;
  useLayoutEffect(() => {
    if (!wrap) return;
    const text = block.current?.querySelector('[data-text]');
    const charWidth = (ruler.current?.getBoundingClientRect().width ?? 0) / 100;
    if (text && charWidth > 0) setColumns(Math.max(1, Math.floor(text.clientWidth / charWidth)));
  }, [wrap, timestamps, podNames, view.width, hasRows]);
  const wrapped = useRef({ lines, rows: new WrappedRows() });
  if (wrapped.current.lines !== lines) wrapped.current = { lines, rows: new WrappedRows() };
  const rows = wrapped.current.rows;
  if (wrap) rows.update(lines.length, columns || 80, (i) => lines.plainLength(i));

  const shown = wrap ? rows.window(view, { follow, rowHeight, overscan }) : rowWindow(lines.length, view, { follow, rowHeight, overscan });
  const top = (wrap ? rows.top(shown.first) : shown.first) * rowHeight;
  const totalSize = (wrap ? rows.rows : lines.length) * rowHeight;

  // Following: stay at the bottom as lines arrive, with one write of scrollTop per commit (at most one a frame).
  // Unwrapped, the end is known without reading the scroll height (a forced layout of its own); wrapped, a line
  // may take more rows than counted (tabs, wide characters), so the real height is read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el && lines.length > 0) el.scrollTop = wrap ? el.scrollHeight : lines.length * rowHeight;
  }, [follow, version, lines.length, wrap, columns]);
  // Following stopped (the button, a search match): the rows in view come from the scroll position again.
  useLayoutEffect(() => { if (!follow) readView(); }, [follow, wrap]);
  useEffect(() => {
    const el = scroller.current;
    if (focusLine === undefined || !el) return;
    el.scrollTop = (wrap ? rows.top(focusLine) : focusLine) * rowHeight - (el.clientHeight - rowHeight) / 2;
  }, [focusLine, wrap, rows]);

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
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      className="log-scroller h-full overflow-auto bg-slate-950 font-mono text-xs leading-5 text-slate-200"
      role="log"
      aria-label="Log lines"
      tabIndex={0}
    >
      <div style={{ height: totalSize, width: wrap ? '100%' : `max(100%, ${lines.widest + prefix}ch)`, position: 'relative' }}>
        {wrap ? <span ref={ruler} aria-hidden className="invisible absolute whitespace-pre">{'0'.repeat(100)}</span> : null}
        {/* One transform moves the block; the rows inside are in normal flow. While following, rows are keyed by
            position: as lines arrive, React rewrites the text of the rows already in the DOM instead of removing
            them and creating new ones. Otherwise by line, so a scroll adds and removes a row. */}
        <div ref={block} className="absolute left-0 top-0 w-full" style={{ transform: `translateY(${top}px)`, contain: 'layout style' }}>
          {range(shown.first, shown.end).map((index) => {
            const line = lines.line(index);
            return (
              <LogRow
                key={follow ? `at-${index - shown.first}` : index}
                index={index}
                text={line.text}
                time={timestamps ? line.time ?? '' : undefined}
                podName={podNames ? line.podName : undefined}
                podLabel={podNames ? podLabel(line.podName) : undefined}
                focused={index === focusLine}
                search={search}
                wrap={wrap}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function range(from: number, to: number): number[] {
  const out = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** One log line; memoised (by its strings), so re-rendering the list leaves the rows already drawn alone. */
const LogRow = memo(function LogRow({ index, text, time, podName, podLabel, focused, search, wrap }: {
  index: number;
  text: string;
  /** The time column's value; undefined hides the column. */
  time: string | undefined;
  podName: string | undefined;
  /** The pod column's text; undefined hides the column. */
  podLabel: string | undefined;
  focused: boolean;
  search: string;
  wrap: boolean;
}) {
  return (
    <div
      data-index={index}
      className={`flex w-full px-3 hover:bg-slate-900 ${focused ? 'bg-slate-800' : ''}`}
      // Unwrapped rows have a fixed size: size and layout containment (no paint containment: nothing is clipped)
      // keep laying out a new line from touching the rest.
      style={wrap ? { minHeight: rowHeight } : { height: rowHeight, contain: 'size layout style' }}
    >
      <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-slate-500">{index + 1}</span>
      {time !== undefined ? <span className="shrink-0 select-none pr-3 text-slate-500">{time ? formatTimestamp(time) : ''}</span> : null}
      {podLabel !== undefined ? <span className="w-48 shrink-0 truncate select-none pr-3 text-sky-300" title={podName}>{podLabel}</span> : null}
      <span data-text className={wrap ? 'min-w-0 flex-1 whitespace-pre-wrap break-all' : 'whitespace-pre'}><AnsiText text={text} search={search} /></span>
    </div>
  );
});
