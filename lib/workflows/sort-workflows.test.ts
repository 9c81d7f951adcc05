import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { formatWorkflowSort, parseWorkflowSort, sortWorkflows } from './sort-workflows';

const wf = (name: string, startedAt?: string, finishedAt?: string, phase?: string) => ({ metadata: { name }, status: { startedAt, finishedAt, phase } }) as unknown as Workflow;

describe('sortWorkflows', () => {
  const items = [wf('b', '2026-01-01T00:00:10Z', '2026-01-01T00:00:20Z', 'Failed'), wf('a', '2026-01-01T00:00:05Z', undefined, 'Running'), wf('c')];
  const now = new Date('2026-01-01T00:01:00Z');
  it('sorts by name, start and duration, missing values last', () => {
    expect(sortWorkflows(items, { key: 'name', descending: false }, now).map((w) => w.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(sortWorkflows(items, { key: 'started', descending: true }, now).map((w) => w.metadata.name)).toEqual(['b', 'a', 'c']);
    expect(sortWorkflows(items, { key: 'duration', descending: false }, now).map((w) => w.metadata.name)).toEqual(['b', 'a', 'c']);
    expect(sortWorkflows(items, { key: 'phase', descending: false }, now).map((w) => w.metadata.name)).toEqual(['b', 'c', 'a']);
  });
  it('keeps the server order without a sort', () => {
    expect(sortWorkflows(items, undefined, now)).toBe(items);
  });
  it('parses and formats the URL form', () => {
    expect(parseWorkflowSort('-started')).toEqual({ key: 'started', descending: true });
    expect(parseWorkflowSort('bogus')).toBeUndefined();
    expect(formatWorkflowSort({ key: 'name', descending: false })).toBe('name');
  });
});
