import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { planMergedPage, withoutLiveCopies } from './merged-list';
import { parseWorkflowListQuery } from './workflow-list-query';

const wf = (name: string, startedAt: string, archived = false) => ({
  metadata: { name, namespace: 'argo', ...(archived ? { labels: { 'workflows.argoproj.io/workflow-archiving-status': 'Archived' } } : {}) },
  spec: {},
  status: { startedAt },
}) as unknown as Workflow;

const live = [wf('a', '2026-01-01T00:00:03Z'), wf('b', '2026-01-01T00:00:02Z'), wf('c', '2026-01-01T00:00:01Z'), wf('done', '2026-01-01T00:00:00Z', true)];
const query = (limit?: number, token?: string) => parseWorkflowListQuery({ namespace: 'argo', limit, continue: token });

describe('planMergedPage', () => {
  it('lists live workflows first, leaving archived ones to the archive', () => {
    const plan = planMergedPage(live, query());
    expect(plan.live.map((w) => w.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(plan.archive).toEqual({ offset: 0, limit: 0 });
  });

  it('asks the archive only for what the live part leaves of a page, with one offset across both', () => {
    expect(planMergedPage(live, query(2))).toMatchObject({ liveHasMore: true });
    expect(planMergedPage(live, query(2)).archive).toBeUndefined();
    const second = planMergedPage(live, query(2, '2'));
    expect(second.live.map((w) => w.metadata.name)).toEqual(['c']);
    expect(second).toMatchObject({ liveHasMore: false, archive: { offset: 0, limit: 1 } });
    const third = planMergedPage(live, query(2, '4'));
    expect(third.live).toEqual([]);
    expect(third.archive).toEqual({ offset: 1, limit: 2 });
  });
});

describe('withoutLiveCopies', () => {
  const withUid = (w: Workflow, uid: string) => ({ ...w, metadata: { ...w.metadata, uid } }) as Workflow;
  it("leaves out the archive's copy of a workflow still live and not yet labelled Archived", () => {
    const running = withUid(wf('x', '2026-01-01T00:00:05Z'), 'uid-x');
    const labelled = withUid(wf('y', '2026-01-01T00:00:04Z', true), 'uid-y');
    const archived = [withUid(wf('x', '2026-01-01T00:00:05Z'), 'uid-x'), withUid(wf('y', '2026-01-01T00:00:04Z'), 'uid-y'), withUid(wf('z', '2026-01-01T00:00:03Z'), 'uid-z')];
    expect(withoutLiveCopies(archived, [running, labelled]).map((w) => w.metadata.name)).toEqual(['y', 'z']);
    expect(withoutLiveCopies(archived, [])).toBe(archived);
  });
});
