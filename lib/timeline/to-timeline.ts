import type { NodeStatus } from '../generated/argo';
import { displayLabel, displayPhase } from '../graph/node-display';

/** One bar of the timeline: a node, from when it started to when it finished (or now). */
export interface TimelineRow {
  id: string;
  label: string;
  type: string;
  phase: string;
  /** Milliseconds from the timeline's start. */
  offset: number;
  /** Milliseconds it ran (so far, while running). */
  duration: number;
  running: boolean;
}

export interface Timeline {
  start: number;
  /** Milliseconds from the first start to the last finish (or now). */
  span: number;
  rows: TimelineRow[];
}

// Groups only add noise to a Gantt chart: what ran is the pods (and suspends, which wait).
const shownTypes = new Set(['Pod', 'Suspend', 'Container', 'HTTP', 'Plugin']);

/** The nodes that ran, in start order (then name), with their bars relative to the earliest start. */
export function toTimeline(nodes: Record<string, NodeStatus>, now: Date, options: { allTypes?: boolean } = {}): Timeline {
  const ran = Object.values(nodes).filter((n) => n.startedAt && (options.allTypes || shownTypes.has(n.type)));
  const startOf = (n: NodeStatus) => Date.parse(n.startedAt!);
  const endOf = (n: NodeStatus) => (n.finishedAt ? Date.parse(n.finishedAt) : now.getTime());
  ran.sort((a, b) => startOf(a) - startOf(b) || a.name.localeCompare(b.name));
  if (ran.length === 0) return { start: now.getTime(), span: 0, rows: [] };
  const start = startOf(ran[0]!);
  let end = start;
  const rows = ran.map((n): TimelineRow => {
    const s = startOf(n);
    const e = Math.max(s, endOf(n));
    end = Math.max(end, e);
    return { id: n.id, label: displayLabel(n), type: n.type, phase: displayPhase(n), offset: s - start, duration: e - s, running: !n.finishedAt };
  });
  return { start, span: end - start, rows };
}

/** About `count` round tick positions (ms) across a span: 1, 2 or 5 times a power of ten of seconds, or minutes. */
export function timelineTicks(span: number, count = 6): number[] {
  if (span <= 0) return [0];
  const raw = span / count;
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400].map((s) => s * 1000);
  const small = [1, 2, 5, 10, 20, 50, 100, 200, 500];
  const step = [...small, ...steps].find((s) => s >= raw) ?? 86_400_000 * Math.ceil(raw / 86_400_000);
  const ticks: number[] = [];
  for (let t = 0; t <= span; t += step) ticks.push(t);
  return ticks;
}
