import { describe, expect, it } from 'vitest';
import { type MemoCacheSnapshot, memoCacheNamesIn, memoCacheProblem, toMemoCacheEntry, touchedMemoCacheEntry } from './memoization';
import { reconcileWorkflow } from './reconcile';
import { workflowFromYaml } from './testing/build-workflow';
import type { EngineInput } from './types';

const yaml = (maxAge = '1h', key = 'k-{{inputs.parameters.x}}') => `
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: a
        template: memo
        arguments: {parameters: [{name: x, value: "one"}]}
  - name: memo
    inputs: {parameters: [{name: x}]}
    memoize:
      key: "${key}"
      maxAge: "${maxAge}"
      cache: {configMap: {name: memo-cache}}
    container: {image: busybox, command: [echo]}
`;
const now = new Date('2026-11-24T05:39:40Z');
const entry = toMemoCacheEntry('memo-oracle-1-4254721701', { exitCode: '0' }, '2026-11-24T05:39:30Z');
const run = (input: Partial<EngineInput> & Pick<EngineInput, 'workflow'>) => reconcileWorkflow({ pods: {}, now, ...input });

describe('memoization', () => {
  it("takes a cache hit's outputs without running anything: the node Argo v3.7.9 made on the test bed", () => {
    const out = run({ workflow: workflowFromYaml(yaml(), 'memo-oracle-2'), memoCaches: { 'memo-cache': { data: { 'k-one': entry } } } });
    expect(out.actions.filter((a) => a.type === 'createPod')).toEqual([]);
    expect(out.actions).toContainEqual({ type: 'touchMemoCache', cacheName: 'memo-cache', key: 'k-one' });
    expect(out.status.phase).toBe('Succeeded');
    expect(out.status.nodes!['memo-oracle-2-1280546658']).toEqual({
      id: 'memo-oracle-2-1280546658', name: 'memo-oracle-2[0].a', displayName: 'a', type: 'Pod', templateName: 'memo',
      templateScope: 'local/memo-oracle-2', phase: 'Succeeded', boundaryID: 'memo-oracle-2', startedAt: '2026-11-24T05:39:40Z',
      finishedAt: '2026-11-24T05:39:40Z', progress: '1/1', inputs: { parameters: [{ name: 'x', value: 'one' }] }, outputs: { exitCode: '0' },
      memoizationStatus: { hit: true, key: 'k-one', cacheName: 'memo-cache' }, taskResultSynced: true,
    });
  });

  it('runs on a miss (no cache, another key, an entry older than maxAge) and saves the outputs when the node succeeds', () => {
    const workflow = workflowFromYaml(yaml('5s'), 'memo-oracle-1');
    const caches: (Record<string, MemoCacheSnapshot> | undefined)[] = [undefined, { 'memo-cache': { data: { other: entry } } }, { 'memo-cache': { data: { 'k-one': entry } } }];
    for (const memoCaches of caches) {
      const started = run({ workflow, memoCaches });
      expect(started.actions.filter((a) => a.type === 'createPod')).toHaveLength(1);
      expect(started.status.nodes!['memo-oracle-1-4254721701']!.memoizationStatus).toEqual({ hit: false, key: 'k-one', cacheName: 'memo-cache' });
    }
    const started = run({ workflow });
    const done = run({
      workflow: { ...workflow, status: started.status },
      pods: { 'memo-oracle-1-4254721701': { phase: 'Succeeded', exitCode: 0, outputs: { parameters: [{ name: 'p', value: 'v' }] } } },
    });
    expect(done.status.phase).toBe('Succeeded');
    expect(done.actions).toContainEqual({
      type: 'saveMemoCache', cacheName: 'memo-cache', key: 'k-one', nodeId: 'memo-oracle-1-4254721701',
      outputs: { parameters: [{ name: 'p', value: 'v' }], exitCode: '0' },
    });
    // Saved once: a later reconcile of the same succeeded node asks for nothing.
    expect(run({ workflow: { ...workflow, status: done.status } }).actions.some((a) => a.type === 'saveMemoCache')).toBe(false);
  });

  it("fails the node with Argo's messages for a bad key, a bad entry, or a ConfigMap that is not a cache", () => {
    const bad = run({ workflow: workflowFromYaml(yaml('1h', 'no_underscores'), 'w') });
    expect(Object.values(bad.status.nodes!).find((n) => n.name === 'w[0].a')).toMatchObject({ phase: 'Error', message: 'invalid cache key: no_underscores' });
    const malformed = run({ workflow: workflowFromYaml(yaml(), 'w'), memoCaches: { 'memo-cache': { data: { 'k-one': '{' } } } });
    expect(Object.values(malformed.status.nodes!).find((n) => n.name === 'w[0].a')?.message).toMatch(/^malformed cache entry: could not unmarshal JSON/);
    expect(memoCacheProblem({})).toBe("memoization configmap doesn't have workflows.argoproj.io/configmap-type label, refusing to use it");
    expect(memoCacheProblem({ 'workflows.argoproj.io/configmap-type': 'Parameter' })).toMatch(/doesn't have label .* = Cache/);
    expect(memoCacheProblem({ 'workflows.argoproj.io/configmap-type': 'Cache' })).toBeUndefined();
  });

  it('writes entries as Argo does and finds the cache names a workflow uses', () => {
    expect(toMemoCacheEntry('n', { exitCode: '0' }, '2026-11-24T05:39:30Z'))
      .toBe('{"nodeID":"n","outputs":{"exitCode":"0"},"creationTimestamp":"2026-11-24T05:39:30Z","lastHitTimestamp":"2026-11-24T05:39:30Z"}');
    expect([...memoCacheNamesIn([workflowFromYaml(yaml(), 'w').spec])]).toEqual(['memo-cache']);
    expect(touchedMemoCacheEntry(toMemoCacheEntry('n', {}, '2026-11-24T05:39:30Z'), '2026-11-24T05:40:00Z'))
      .toBe('{"nodeID":"n","outputs":{},"creationTimestamp":"2026-11-24T05:39:30Z","lastHitTimestamp":"2026-11-24T05:40:00Z"}');
  });
});
