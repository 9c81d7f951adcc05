import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { parseWorkflowListQuery, selectWorkflowPage } from './workflow-list-query';

const wf = (name: string, namespace: string, created: string, startedAt?: string, finishedAt?: string): Workflow => ({
  metadata: { name, namespace, creationTimestamp: created },
  spec: {},
  status: { ...(startedAt ? { startedAt } : {}), ...(finishedAt ? { finishedAt } : {}) },
});

const workflows = [
  wf('a', 'argo', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-01T00:01:00Z'),
  wf('b', 'argo', '2026-01-01T00:00:10Z', '2026-01-01T00:00:11Z'),
  wf('c', 'argo', '2026-01-01T00:00:20Z', '2026-01-01T00:00:21Z', '2026-01-01T00:00:30Z'),
  wf('d', 'other', '2026-01-01T00:00:30Z'),
];

describe('parseWorkflowListQuery', () => {
  it('reads name and namespace field selectors', () => {
    expect(parseWorkflowListQuery({ namespace: '', fieldSelector: 'metadata.name=x,metadata.namespace!=y' })).toMatchObject({
      name: 'x', namespace: 'y', namespaceNotEquals: true, offset: 0, limit: 0,
    });
  });

  it("refuses what argo-server refuses, with its messages", () => {
    expect(() => parseWorkflowListQuery({ namespace: 'argo', continue: 'abc' })).toThrow('listOptions.continue must be int');
    expect(() => parseWorkflowListQuery({ namespace: 'argo', fieldSelector: 'foo=bar' })).toThrow('unsupported requirement foo=bar');
    expect(() => parseWorkflowListQuery({ namespace: 'argo', fieldSelector: 'metadata.namespace=x' })).toThrow('contradict each other');
  });
});

describe('selectWorkflowPage', () => {
  it('filters by namespace and name', () => {
    const page = (params: Parameters<typeof parseWorkflowListQuery>[0]) =>
      selectWorkflowPage(workflows, parseWorkflowListQuery(params)).items.map((w) => w.metadata.name);
    expect(page({ namespace: 'argo' })).toEqual(['b', 'a', 'c']);
    expect(page({ namespace: '', fieldSelector: 'metadata.name=d' })).toEqual(['d']);
    expect(page({ namespace: 'argo', fieldSelector: 'metadata.name!=b' })).toEqual(['a', 'c']);
    expect(page({ namespace: '', fieldSelector: 'metadata.name=a', nameFilter: 'Prefix' })).toEqual(['a']);
    expect(page({ namespace: '', createdAfter: '2026-01-01T00:00:15Z' })).toEqual(['d', 'c']);
  });

  it('pages by offset, newest started first', () => {
    const first = selectWorkflowPage(workflows, parseWorkflowListQuery({ namespace: '', limit: 2 }));
    expect(first.items.map((w) => w.metadata.name)).toEqual(['b', 'c']);
    expect(first.continue).toBe('2');
    const second = selectWorkflowPage(workflows, parseWorkflowListQuery({ namespace: '', limit: 2, continue: '2' }));
    expect(second.items.map((w) => w.metadata.name)).toEqual(['d', 'a']);
    expect(second.continue).toBeUndefined();
  });
});
