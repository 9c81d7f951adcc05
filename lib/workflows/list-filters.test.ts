import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { hasFilters, matchesListFilters, parseListFilters, toFilterParams, toListQuery, toRfc3339 } from './list-filters';

describe('list filters in the URL', () => {
  it('round-trips through URL parameters and ignores unknown phases', () => {
    const params = new URLSearchParams('phase=Failed&phase=Bogus&phase=Error&label=team=a&label=&template=build&name=x&from=2026-01-01');
    const filters = parseListFilters(params);
    expect(filters).toEqual({ phases: ['Failed', 'Error'], labels: ['team=a'], template: 'build', cron: undefined, name: 'x', from: '2026-01-01', to: undefined });
    expect(toFilterParams(filters).toString()).toBe('phase=Failed&phase=Error&label=team%3Da&template=build&name=x&from=2026-01-01');
    expect(hasFilters(parseListFilters(new URLSearchParams()))).toBe(false);
  });
});

describe('toListQuery', () => {
  it('makes the label selector and field selector argo-server expects', () => {
    expect(toListQuery({ phases: ['Running', 'Failed'], labels: ['team=a'], template: 't', cron: 'c', name: 'build', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      'listOptions.labelSelector': 'team=a,workflows.argoproj.io/phase in (Running,Failed),workflows.argoproj.io/workflow-template=t,workflows.argoproj.io/cron-workflow=c',
      'listOptions.fieldSelector': 'metadata.name=build,spec.startedAt>2026-01-01T00:00:00Z,spec.startedAt<2026-01-31T23:59:59Z',
      nameFilter: 'Contains',
    });
    expect(toListQuery({ phases: [], labels: [] })).toEqual({});
  });
  it('turns dates into RFC 3339', () => {
    expect(toRfc3339('2026-02-03', true)).toBe('2026-02-03T23:59:59Z');
    expect(toRfc3339('2026-02-03T04:05:06.789Z', false)).toBe('2026-02-03T04:05:06Z');
    expect(toRfc3339('yesterday', false)).toBeUndefined();
  });
});

describe('matchesListFilters', () => {
  const wf = (labels: Record<string, string>, name = 'build-abc', startedAt = '2026-01-10T00:00:00Z') =>
    ({ metadata: { name, labels }, status: { startedAt } }) as unknown as Workflow;
  it('checks labels, phase, name and dates', () => {
    const filters = { phases: ['Failed'], labels: ['team=a'], name: 'build', from: '2026-01-01', to: '2026-01-31' };
    expect(matchesListFilters(wf({ team: 'a', 'workflows.argoproj.io/phase': 'Failed' }), filters)).toBe(true);
    expect(matchesListFilters(wf({ team: 'a', 'workflows.argoproj.io/phase': 'Running' }), filters)).toBe(false);
    expect(matchesListFilters(wf({ team: 'a', 'workflows.argoproj.io/phase': 'Failed' }, 'deploy'), filters)).toBe(false);
    expect(matchesListFilters(wf({ team: 'a', 'workflows.argoproj.io/phase': 'Failed' }, 'build', '2026-02-10T00:00:00Z'), filters)).toBe(false);
    expect(matchesListFilters(wf({}), { phases: [], labels: ['bad selector ((('] })).toBe(false);
  });
});
