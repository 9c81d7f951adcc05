import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../generated/argo';
import { toPodName } from '../engine/node-names';
import { workflowPods } from './workflow-pods';

const node = (id: string, name: string, extra: Partial<NodeStatus> = {}): NodeStatus =>
  ({ id, name, displayName: name.split('.').pop(), type: 'Pod', templateName: 'echo', phase: 'Succeeded', ...extra }) as NodeStatus;

describe('workflowPods', () => {
  it('lists pod nodes in start order with the controller’s pod names', () => {
    const nodes = {
      w: node('w', 'w', { type: 'DAG' }),
      b: node('b', 'w.b', { startedAt: '2026-01-01T00:00:02Z' }),
      a: node('a', 'w.a', { startedAt: '2026-01-01T00:00:01Z', outputs: { artifacts: [{ name: 'main-logs' }] } }),
      c: node('c', 'w.c'),
    };
    const pods = workflowPods('w', nodes);
    expect(pods.map((p) => p.nodeId)).toEqual(['a', 'b', 'c']);
    expect(pods[0]).toEqual({ podName: toPodName('w', 'w.a', 'echo'), label: 'a', nodeId: 'a', archived: true });
    expect(pods[1]!.archived).toBe(false);
  });
});
