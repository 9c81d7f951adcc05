import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Workflow } from '../generated/argo';
import { retryWorkflow } from './retry-workflow';
import { dagDiamondRetry, onExitRetry, stepsRetry } from './testing/argo-retry-fixtures';

const now = new Date('2026-01-02T03:04:05Z');

// Argo's own cases (workflow/util/util_test.go): which nodes end Running, which are removed, the rest stay as they were.
function expectRetry(fixture: string, selector: string, expected: { running: string[]; deleted: string[]; nodes: number; pods: number }) {
  const workflow = parse(fixture) as Workflow;
  const { workflow: retried, podsToDelete } = retryWorkflow(workflow, { restartSuccessful: true, nodeFieldSelector: selector, now });
  const nodes = retried.status?.nodes ?? {};
  expect(Object.keys(nodes)).toHaveLength(expected.nodes);
  expect(podsToDelete).toHaveLength(expected.pods);
  for (const id of expected.running) expect(nodes[id]?.phase).toBe('Running');
  for (const id of expected.deleted) expect(nodes[id]).toBeUndefined();
  for (const [id, node] of Object.entries(nodes)) {
    if (!expected.running.includes(id)) expect(node.phase).toBe(workflow.status?.nodes?.[id]?.phase);
  }
  return retried;
}

describe('retryWorkflow', () => {
  it('restarts a selected step and resets its step group and the root (TestStepsRetryWorkflow)', () => {
    expectRetry(stepsRetry, 'id=steps-4k5vn-2627784879', {
      running: ['steps-4k5vn-4053927188', 'steps-4k5vn'], deleted: ['steps-4k5vn-2627784879'], nodes: 5, pods: 1,
    });
  });

  it('restarts a DAG task and removes what depends on it (TestDAGDiamondRetryWorkflow)', () => {
    expectRetry(dagDiamondRetry, 'id=dag-diamond-82q7s-1260209596', {
      running: ['dag-diamond-82q7s'], deleted: ['dag-diamond-82q7s-1226654358', 'dag-diamond-82q7s-1260209596'], nodes: 3, pods: 2,
    });
  });

  it('drops the exit handler and deletes its pods (TestOnExitWorkflowRetry)', () => {
    const retried = expectRetry(onExitRetry, 'id=work-avoidance-trkkq-4183398008', {
      running: ['work-avoidance-trkkq-21464344', 'work-avoidance-trkkq'],
      deleted: ['work-avoidance-trkkq-1461956272', 'work-avoidance-trkkq-4183398008'],
      nodes: 6, pods: 2,
    });
    expect(Object.values(retried.status?.nodes ?? {}).some((n) => n.name.includes('.onExit'))).toBe(false);
  });

  it('clears the outcome of the run', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    workflow.spec.shutdown = 'Terminate';
    workflow.spec.activeDeadlineSeconds = 0;
    const { workflow: retried } = retryWorkflow(workflow, { restartSuccessful: true, nodeFieldSelector: 'displayName=D', now });
    expect(retried.status?.phase).toBeUndefined();
    expect(retried.status?.finishedAt).toBeUndefined();
    expect(retried.status?.startedAt).toBe('2026-01-02T03:04:05Z');
    expect(retried.status?.conditions).toContainEqual({ status: 'False', type: 'Completed' });
    expect(retried.status?.conditions).not.toContainEqual({ status: 'True', type: 'Completed' });
    expect(retried.metadata.labels?.['workflows.argoproj.io/completed']).toBeUndefined();
    expect(retried.spec.shutdown).toBeUndefined();
    expect(retried.spec.activeDeadlineSeconds).toBeUndefined();
  });

  it('retries the failed pods of a failed workflow and overrides parameters', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    workflow.status!.phase = 'Failed';
    workflow.status!.nodes!['dag-diamond-82q7s-1226654358']!.phase = 'Failed';
    workflow.spec.arguments = { parameters: [{ name: 'x', value: '1' }, { name: 'y', value: '2' }] };
    const { workflow: retried, podsToDelete } = retryWorkflow(workflow, { parameters: ['y=3'], now });
    expect(retried.status?.nodes?.['dag-diamond-82q7s-1226654358']).toBeUndefined();
    expect(retried.status?.nodes?.['dag-diamond-82q7s']?.phase).toBe('Running');
    expect(retried.status?.nodes?.['dag-diamond-82q7s-1260209596']?.children).toBeUndefined();
    expect(podsToDelete).toEqual(['dag-diamond-82q7s-echo-1226654358']);
    expect(retried.spec.arguments?.parameters).toEqual([{ name: 'y', value: '3' }, { name: 'x', value: '1' }]);
  });

  it('refuses workflows that did not fail', () => {
    const workflow = parse(dagDiamondRetry) as Workflow;
    expect(() => retryWorkflow(workflow, { now })).toThrow('To retry a succeeded workflow, set the options restartSuccessful and nodeFieldSelector');
    workflow.status!.phase = 'Running';
    expect(() => retryWorkflow(workflow, { now })).toThrow('Cannot retry a workflow in phase Running');
  });
});
