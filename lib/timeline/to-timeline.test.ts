import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../generated/argo';
import { timelineTicks, toTimeline } from './to-timeline';

const node = (id: string, type: string, startedAt?: string, finishedAt?: string): NodeStatus =>
  ({ id, name: `w.${id}`, displayName: id, type, phase: finishedAt ? 'Succeeded' : 'Running', startedAt, finishedAt }) as NodeStatus;

describe('toTimeline', () => {
  it('lays pods out from the earliest start, running ones up to now, groups left out', () => {
    const nodes = {
      w: node('w', 'DAG', '2026-01-01T00:00:00Z'),
      b: node('b', 'Pod', '2026-01-01T00:00:10Z', '2026-01-01T00:00:40Z'),
      a: node('a', 'Pod', '2026-01-01T00:00:05Z', '2026-01-01T00:00:15Z'),
      c: node('c', 'Pod', '2026-01-01T00:00:30Z'),
      d: node('d', 'Pod'),
    };
    const timeline = toTimeline(nodes, new Date('2026-01-01T00:01:05Z'));
    expect(timeline.rows.map((r) => [r.id, r.offset, r.duration, r.running])).toEqual([
      ['a', 0, 10_000, false], ['b', 5_000, 30_000, false], ['c', 25_000, 35_000, true],
    ]);
    expect(timeline.span).toBe(60_000);
    expect(toTimeline(nodes, new Date('2026-01-01T00:01:05Z'), { allTypes: true }).rows[0]!.id).toBe('w');
  });
  it('is empty before anything starts', () => {
    expect(toTimeline({}, new Date(0))).toEqual({ start: 0, span: 0, rows: [] });
  });
});

describe('timelineTicks', () => {
  it('picks round steps', () => {
    expect(timelineTicks(60_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(timelineTicks(3_000)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(timelineTicks(0)).toEqual([0]);
  });
});
