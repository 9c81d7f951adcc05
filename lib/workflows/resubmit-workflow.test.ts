import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Workflow } from '../generated/argo';
import { toNodeId } from '../engine/node-names';
import { resubmitWorkflow } from './resubmit-workflow';
import { dagDiamondRetry } from './testing/argo-retry-fixtures';

const now = new Date('2026-01-02T03:04:05Z');

describe('resubmitWorkflow', () => {
  it('creates a new workflow from the old spec and user labels', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    workflow.metadata.labels = { ...workflow.metadata.labels, team: 'a', 'workflows.argoproj.io/creator': 'x' };
    workflow.spec.shutdown = 'Stop';
    const resubmitted = resubmitWorkflow(workflow, { now, nameSuffix: 'abcde', parameters: ['m=1'] });
    expect(resubmitted.metadata).toEqual({
      generateName: 'dag-diamond-',
      labels: { team: 'a', 'workflows.argoproj.io/resubmitted-from-workflow': 'dag-diamond-82q7s' },
      annotations: { 'workflows.argoproj.io/pod-name-format': 'v2' },
    });
    expect(resubmitted.spec.shutdown).toBeUndefined();
    expect(resubmitted.spec.templates).toEqual(workflow.spec.templates);
    expect(resubmitted.spec.arguments?.parameters).toEqual([{ name: 'm', value: '1' }]);
    expect(resubmitted.status).toBeUndefined();
  });

  it('falls back to the old name as generateName', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    delete workflow.metadata.generateName;
    expect(resubmitWorkflow(workflow, { now, nameSuffix: 'abcde' }).metadata.generateName).toBe('dag-diamond-82q7s-');
  });

  it('carries succeeded pods over as Skipped in memoized mode', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    expect(() => resubmitWorkflow(workflow, { now, nameSuffix: 'abcde', memoized: true })).toThrow('must be Failed/Error');
    workflow.status!.phase = 'Failed';
    workflow.status!.nodes!['dag-diamond-82q7s-1226654358']!.phase = 'Failed';
    const resubmitted = resubmitWorkflow(workflow, { now, nameSuffix: 'abcde', memoized: true });
    expect(resubmitted.metadata.name).toBe('dag-diamond-abcde');
    const nodes = resubmitted.status?.nodes ?? {};
    expect(nodes['dag-diamond-abcde']).toMatchObject({ phase: 'Pending', type: 'DAG' });
    const a = nodes[toNodeId('dag-diamond-abcde', 'dag-diamond-abcde.A')];
    expect(a).toMatchObject({ phase: 'Skipped', type: 'Skipped', message: 'original pod: dag-diamond-82q7s-1310542453' });
    expect(a?.boundaryID).toBe('dag-diamond-abcde');
    const d = nodes[toNodeId('dag-diamond-abcde', 'dag-diamond-abcde.D')];
    expect(d).toMatchObject({ phase: 'Pending', type: 'Pod' });
    expect(d?.startedAt).toBeUndefined();
  });
});
