'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import type { NodeStatus } from '@/lib/generated/argo';
import { type TimelineRow, timelineTicks, toTimeline } from '@/lib/timeline/to-timeline';
import { formatDuration } from '@/lib/workflows/phase';
import { phaseStyle } from './phase-style';

const rowHeight = 28;
const labelWidth = 224;

function tickLabel(ms: number, span: number): string {
  return span < 10_000 ? `${(ms / 1000).toFixed(1)}s` : formatDuration(ms / 1000);
}

const Bar = memo(function Bar({ row, span, selected, onSelect, top }: { row: TimelineRow; span: number; selected: boolean; onSelect: (id: string) => void; top: number }) {
  const left = span ? (row.offset / span) * 100 : 0;
  const width = span ? Math.max((row.duration / span) * 100, 0.3) : 100;
  return (
    <button
      type="button"
      onClick={() => onSelect(row.id)}
      className={`absolute left-0 flex w-full items-center text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${selected ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
      style={{ height: rowHeight, transform: `translateY(${top}px)` }}
      title={`${row.label}: ${row.phase}, ${formatDuration(row.duration / 1000)}`}
    >
      <span className="shrink-0 truncate px-3 text-slate-700 dark:text-slate-200" style={{ width: labelWidth }}>{row.label}</span>
      <span className="relative h-full flex-1">
        <span
          className={`absolute top-1.5 h-4 rounded-sm ${row.running ? 'animate-pulse' : ''}`}
          style={{ left: `${left}%`, width: `${width}%`, backgroundColor: phaseStyle(row.phase).fill }}
        />
      </span>
      <span className="w-20 shrink-0 px-2 text-right tabular-nums text-slate-500">{formatDuration(row.duration / 1000)}</span>
    </button>
  );
});

/** A Gantt chart of the nodes that ran, by start and finish; virtualised, so thousands of pods stay smooth. */
export function WorkflowTimeline({ nodes, now, selectedId, onSelect }: {
  nodes: Record<string, NodeStatus>;
  now: Date;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const timeline = useMemo(() => toTimeline(nodes, now), [nodes, now]);
  const ticks = useMemo(() => timelineTicks(timeline.span), [timeline.span]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: timeline.rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 15 });
  if (timeline.rows.length === 0) return <p className="p-8 text-sm text-slate-500">Nothing has started yet: the timeline fills in as steps run.</p>;
  return (
    <div className="flex h-full flex-col bg-white dark:bg-slate-900" aria-label="Timeline">
      <div className="flex border-b border-slate-200 py-1.5 text-[11px] text-slate-500 dark:border-slate-700">
        <span className="shrink-0 px-3" style={{ width: labelWidth }}>{timeline.rows.length} steps</span>
        <span className="relative h-4 flex-1">
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2 tabular-nums" style={{ left: `${timeline.span ? (t / timeline.span) * 100 : 0}%` }}>{tickLabel(t, timeline.span)}</span>
          ))}
        </span>
        <span className="w-20 shrink-0" />
      </div>
      <div ref={scroller} className="relative min-h-0 flex-1 overflow-auto">
        <div className="pointer-events-none absolute inset-y-0 flex" style={{ left: labelWidth, right: 80 }} aria-hidden>
          {ticks.map((t) => <span key={t} className="absolute inset-y-0 border-l border-slate-100 dark:border-slate-800" style={{ left: `${timeline.span ? (t / timeline.span) * 100 : 0}%` }} />)}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = timeline.rows[item.index]!;
            return <Bar key={row.id} row={row} span={timeline.span} selected={row.id === selectedId} onSelect={onSelect} top={item.start} />;
          })}
        </div>
      </div>
    </div>
  );
}
