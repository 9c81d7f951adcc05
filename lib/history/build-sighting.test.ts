import { describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '../generated/argo';
import type { KubeObject } from '../k8s/object';
import type { BuildJson } from './build-record';
import {
  applyToBuildDetail, applyToBuildPages, applyToJobList, applyToJobSummary, applyToStageMatrix, changesStatistics, sightingOf,
} from './build-sighting';

const now = new Date('2026-01-01T00:01:00Z');

function workflow(number: number | undefined, phase: string, extra: { nodes?: Record<string, NodeStatus>; finishedAt?: string } = {}): Workflow & KubeObject {
  return {
    metadata: {
      name: `build-${number}`, namespace: 'ci', uid: `uid-${number}`,
      labels: { 'workflows.argoproj.io/workflow-template': 'build', ...(number ? { 'capstan.io/build-number': String(number) } : {}) },
      annotations: { 'capstan.io/trigger': '{"type":"user","user":"alice"}' },
    },
    spec: { arguments: { parameters: [{ name: 'branch', value: 'main' }] } },
    status: { phase, startedAt: '2026-01-01T00:00:00Z', ...(extra.finishedAt ? { finishedAt: extra.finishedAt } : {}), ...(extra.nodes ? { nodes: extra.nodes } : {}) },
  } as unknown as Workflow & KubeObject;
}

const nodes = (phase: string): Record<string, NodeStatus> => ({
  'build-7': { id: 'build-7', name: 'build-7', displayName: 'build-7', type: 'Steps', phase } as NodeStatus,
  c: { id: 'c', name: 'c', displayName: 'compile', type: 'Pod', boundaryID: 'build-7', phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:05Z' } as NodeStatus,
  t: { id: 't', name: 't', displayName: 'test', type: 'Pod', boundaryID: 'build-7', phase, startedAt: '2026-01-01T00:00:06Z' } as NodeStatus,
});

const held = (number: number, phase: string): BuildJson => ({
  number, phase, startedAt: '2026-01-01T00:00:00Z', finishedAt: null, durationSeconds: 60, workflowName: `build-${number}`, namespace: 'ci',
  uid: `uid-${number}`, trigger: { type: 'user' }, parameters: [], archived: false, live: true,
});

describe('sightingOf', () => {
  it('reads the job, number, trigger, parameters and stages of a numbered workflow', () => {
    const sighting = sightingOf('MODIFIED', workflow(7, 'Running', { nodes: nodes('Running') }), now)!;
    expect(sighting.job).toEqual({ kind: 'workflowtemplates', namespace: 'ci', name: 'build' });
    expect(sighting.build).toMatchObject({ number: 7, phase: 'Running', durationSeconds: 60, trigger: { type: 'user', user: 'alice' }, live: true });
    expect(sighting.build.parameters).toEqual([{ name: 'branch', value: 'main' }]);
    expect(sighting.stages?.map((s) => `${s.name}:${s.phase}`)).toEqual(['compile:Succeeded', 'test:Running']);
  });
  it('ignores a workflow not numbered yet, and has no stages when the event carried no nodes', () => {
    expect(sightingOf('ADDED', workflow(undefined, 'Pending'), now)).toBeUndefined();
    expect(sightingOf('ADDED', workflow(3, 'Pending'), now)?.stages).toBeUndefined();
    expect(sightingOf('DELETED', workflow(3, 'Succeeded'), now)?.build.live).toBe(false);
  });
});

describe('applyToBuildPages', () => {
  const pages = [{ items: [held(6, 'Running'), held(5, 'Succeeded')], nextBefore: 5 }, { items: [held(4, 'Failed')] }];
  it('patches a build it holds, on any page, and keeps the rest of the row', () => {
    const sighting = sightingOf('MODIFIED', workflow(4, 'Failed', { finishedAt: '2026-01-01T00:00:30Z' }), now)!;
    const next = applyToBuildPages(pages, sighting);
    expect(next[1]?.items?.[0]).toMatchObject({ number: 4, finishedAt: '2026-01-01T00:00:30Z', durationSeconds: 30, trigger: { type: 'user' } });
    expect(next[0]).toBe(pages[0]);
  });
  it('puts a new build on top of the first page, and leaves older unknown builds alone', () => {
    expect(applyToBuildPages(pages, sightingOf('ADDED', workflow(7, 'Pending'), now)!)[0]?.items?.map((b) => b.number)).toEqual([7, 6, 5]);
    expect(applyToBuildPages(pages, sightingOf('ADDED', workflow(2, 'Pending'), now)!)).toBe(pages);
    expect(applyToBuildPages([{ items: null as BuildJson[] | null }], sightingOf('ADDED', workflow(1, 'Pending'), now)!)[0]?.items?.map((b) => b.number)).toEqual([1]);
  });
  it('returns the same pages when nothing changed', () => {
    const same = [{ items: [{ ...held(6, 'Running'), durationSeconds: 60 }] }];
    expect(applyToBuildPages(same, sightingOf('MODIFIED', workflow(6, 'Running'), now)!)).toBe(same);
  });
});

describe('applyToStageMatrix', () => {
  type Cells = ({ phase: string; startedAt: string | null; durationSeconds: number | null } | null)[];
  const matrix = { stages: [{ name: 'compile' }, { name: 'test' }, { name: 'deploy' }], builds: [{ number: 6, phase: 'Succeeded', startedAt: null, finishedAt: null, durationSeconds: 1, cells: [null, null, null] as Cells }] };
  it('adds a new build on top with its cells in the columns, within the limit', () => {
    const next = applyToStageMatrix(matrix, sightingOf('ADDED', workflow(7, 'Running', { nodes: nodes('Running') }), now)!, 1);
    expect(next.builds.map((b) => b.number)).toEqual([7]);
    expect(next.builds[0]?.cells).toEqual([
      { phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', durationSeconds: 5 }, { phase: 'Running', startedAt: '2026-01-01T00:00:06Z', durationSeconds: null }, null,
    ]);
  });
  it('updates a row as its build progresses, keeping its cells when the event has no nodes', () => {
    const running = applyToStageMatrix(matrix, sightingOf('ADDED', workflow(7, 'Running', { nodes: nodes('Running') }), now)!, 5);
    const done = applyToStageMatrix(running, sightingOf('MODIFIED', workflow(7, 'Succeeded', { nodes: nodes('Succeeded'), finishedAt: '2026-01-01T00:00:20Z' }), now)!, 5);
    expect(done.builds[0]).toMatchObject({ number: 7, phase: 'Succeeded', durationSeconds: 20 });
    expect(done.builds[0]?.cells[1]?.phase).toBe('Succeeded');
    const projected = applyToStageMatrix(done, sightingOf('MODIFIED', workflow(7, 'Succeeded', { finishedAt: '2026-01-01T00:00:20Z' }), now)!, 5);
    expect(projected).toBe(done);
  });
});

describe('job summaries and the jobs list', () => {
  const summary = { kind: 'workflowtemplates' as const, namespace: 'ci', name: 'build', nextNumber: 7, lastBuild: { number: 6, phase: 'Succeeded', startedAt: null, finishedAt: null, durationSeconds: 1 } };
  it('moves the last build forward, never back', () => {
    expect(applyToJobSummary(summary, sightingOf('ADDED', workflow(7, 'Pending'), now)!)).toMatchObject({ nextNumber: 8, lastBuild: { number: 7, phase: 'Pending' } });
    expect(applyToJobSummary(summary, sightingOf('MODIFIED', workflow(5, 'Failed'), now)!)).toBe(summary);
  });
  it('patches only the row of the build’s job', () => {
    const list = { items: [summary, { ...summary, name: 'other' }], folders: [] };
    const next = applyToJobList(list, sightingOf('ADDED', workflow(7, 'Running'), now)!);
    expect(next.items.map((j) => j.lastBuild?.number)).toEqual([7, 6]);
    expect(next.items[1]).toBe(list.items[1]);
    expect(applyToJobList({ items: null }, sightingOf('ADDED', workflow(7, 'Running'), now)!)).toEqual({ items: null });
  });
  it('patches a build page of the same build only', () => {
    const detail = held(7, 'Running');
    expect(applyToBuildDetail(detail, sightingOf('MODIFIED', workflow(7, 'Succeeded', { finishedAt: '2026-01-01T00:00:10Z' }), now)!)).toMatchObject({ phase: 'Succeeded', durationSeconds: 10 });
    expect(applyToBuildDetail(detail, sightingOf('MODIFIED', workflow(8, 'Succeeded'), now)!)).toBe(detail);
  });
  it('says statistics change for new builds and completions, not for older builds the page does not hold', () => {
    const sighting = sightingOf('MODIFIED', workflow(7, 'Succeeded'), now)!;
    expect(changesStatistics(undefined, 6, sighting)).toBe(true);
    expect(changesStatistics(undefined, 9, sighting)).toBe(false);
    expect(changesStatistics({ number: 7, phase: 'Running', startedAt: null, finishedAt: null, durationSeconds: null }, 7, sighting)).toBe(true);
    expect(changesStatistics({ number: 7, phase: 'Succeeded', startedAt: null, finishedAt: null, durationSeconds: 1 }, 7, sighting)).toBe(false);
  });
});
