import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../generated/argo';
import { combinePhases, declaredStages, stagesOfNodes } from './stages';

const node = (id: string, fields: Partial<NodeStatus>): NodeStatus => ({ id, name: id, displayName: id, type: 'Pod', ...fields }) as NodeStatus;

describe('stagesOfNodes', () => {
  it('takes the steps inside the root boundary, combining loop iterations and skipping step groups and retry attempts', () => {
    const nodes = Object.fromEntries([
      node('wf', { type: 'Steps', phase: 'Failed' }),
      node('wf-g0', { type: 'StepGroup', boundaryID: 'wf', displayName: '[0]' }),
      node('wf-build', { boundaryID: 'wf', displayName: 'build', phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:10Z' }),
      node('wf-t0', { boundaryID: 'wf', displayName: 'test(0:a)', phase: 'Succeeded', startedAt: '2026-01-01T00:00:11Z', finishedAt: '2026-01-01T00:00:15Z' }),
      node('wf-t1', { boundaryID: 'wf', displayName: 'test(1:b)', phase: 'Failed', startedAt: '2026-01-01T00:00:11Z', finishedAt: '2026-01-01T00:00:20Z' }),
      node('wf-deploy', { type: 'Retry', boundaryID: 'wf', displayName: 'deploy', phase: 'Running', startedAt: '2026-01-01T00:00:21Z', children: ['wf-d0'] }),
      node('wf-d0', { boundaryID: 'wf', displayName: 'deploy(0)', phase: 'Running', startedAt: '2026-01-01T00:00:21Z' }),
      node('wf-inner', { boundaryID: 'wf-build', displayName: 'compile', phase: 'Succeeded' }),
    ].map((n) => [n.id, n]));
    expect(stagesOfNodes('wf', nodes)).toEqual([
      { name: 'build', phase: 'Succeeded', startedAt: '2026-01-01T00:00:00Z', durationSeconds: 10 },
      { name: 'test', phase: 'Failed', startedAt: '2026-01-01T00:00:11Z', durationSeconds: 9 },
      { name: 'deploy', phase: 'Running', startedAt: '2026-01-01T00:00:21Z', durationSeconds: null },
    ]);
  });
  it('has no stages without nodes or a root', () => {
    expect(stagesOfNodes('wf', undefined)).toEqual([]);
    expect(stagesOfNodes('wf', { x: node('x', {}) })).toEqual([]);
  });
});

describe('combinePhases', () => {
  it('lets running win, then Error, Failed, Succeeded', () => {
    expect(combinePhases(['Succeeded', 'Running'])).toBe('Running');
    expect(combinePhases(['Failed', 'Error'])).toBe('Error');
    expect(combinePhases(['Succeeded', 'Skipped'])).toBe('Succeeded');
    expect(combinePhases(['Skipped', 'Omitted'])).toBe('Skipped');
  });
});

describe('declaredStages', () => {
  it('lists the entrypoint steps or tasks in order', () => {
    expect(declaredStages({ entrypoint: 'm', templates: [{ name: 'm', steps: [[{ name: 'a' }], [{ name: 'b' }, { name: 'c' }]] }] } as never)).toEqual(['a', 'b', 'c']);
    expect(declaredStages({ entrypoint: 'm', templates: [{ name: 'm', dag: { tasks: [{ name: 'x' }, { name: 'y' }] } }] } as never)).toEqual(['x', 'y']);
    expect(declaredStages({ entrypoint: 'm', templates: [{ name: 'm', container: {} }] } as never)).toEqual([]);
    expect(declaredStages(undefined)).toEqual([]);
  });
});
