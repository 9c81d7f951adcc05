import { describe, expect, it } from 'vitest';
import type { NodeStatus, WorkflowStatus } from '../generated/argo';
import { emptyControllerConfig } from './controller-config';
import { toWorkflowEventReports } from './workflow-event-reports';

const config = emptyControllerConfig();
const node = (id: string, phase: string, extra: Partial<NodeStatus> = {}): NodeStatus =>
  ({ id, name: `wf.${id}`, displayName: id, type: 'Pod', phase, startedAt: '2026-11-25T12:00:00Z', ...extra }) as NodeStatus;
const status = (phase: string, nodes: NodeStatus[], message?: string): WorkflowStatus =>
  ({ phase, ...(message ? { message } : {}), nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) }) as WorkflowStatus;
const summary = (before: WorkflowStatus | undefined, after: WorkflowStatus, c = config) =>
  toWorkflowEventReports(before, after, c).map((r) => `${r.type} ${r.reason}: ${r.message}`);

describe('toWorkflowEventReports', () => {
  it("reports the workflow's phase changes with Argo's reasons and messages", () => {
    expect(summary(undefined, status('Running', []))).toEqual(['Normal WorkflowRunning: Workflow Running']);
    expect(summary(status('Running', []), status('Succeeded', []))).toEqual(['Normal WorkflowSucceeded: Workflow completed']);
    expect(summary(status('Running', []), status('Failed', [], "child 'wf-1' failed"))).toEqual(["Warning WorkflowFailed: child 'wf-1' failed"]);
    expect(summary(status('Running', []), status('Error', [], 'boom'))).toEqual(['Warning WorkflowFailed: boom']);
    expect(summary(undefined, status('Pending', []))).toEqual([]);
    expect(summary(status('Running', []), status('Running', []))).toEqual([]);
  });

  it('reports Running first for a workflow that ran and finished within one operation, not for one refused outright', () => {
    expect(summary(undefined, status('Error', [node('wf', 'Error', { type: 'Steps', message: 'x' })], 'x'))[0]).toBe('Normal WorkflowRunning: Workflow Running');
    expect(summary(undefined, status('Failed', [], 'invalid spec'))).toEqual(['Warning WorkflowFailed: invalid spec']);
  });

  it('reports nodes whose phase changed, a Pending node finishing at once as Running then its phase', () => {
    const before = status('Running', [node('a', 'Pending'), node('b', 'Running'), node('c', 'Running'), node('d', 'Pending')]);
    const after = status('Running', [
      node('a', 'Failed', { message: 'Error (exit code 1)' }), node('b', 'Succeeded'), node('c', 'Running'), node('d', 'Running'),
    ]);
    expect(summary(before, after)).toEqual([
      'Normal WorkflowNodeRunning: Running node wf.a: Error (exit code 1)',
      'Warning WorkflowNodeFailed: Failed node wf.a: Error (exit code 1)',
      'Normal WorkflowNodeSucceeded: Succeeded node wf.b',
      'Normal WorkflowNodeRunning: Running node wf.d',
    ]);
  });

  it('reports new nodes only once Running or completed, and Skipped ones only as a change', () => {
    expect(summary(status('Running', []), status('Running', [node('p', 'Pending'), node('s', 'Skipped'), node('r', 'Running'), node('ok', 'Succeeded')]))).toEqual([
      'Normal WorkflowNodeRunning: Running node wf.r', 'Normal WorkflowNodeRunning: Running node wf.ok', 'Normal WorkflowNodeSucceeded: Succeeded node wf.ok',
    ]);
    expect(summary(status('Running', [node('s', 'Pending')]), status('Running', [node('s', 'Omitted')]))).toEqual(['Warning WorkflowNodeOmitted: Omitted node wf.s']);
    // A node whose task result is not in yet is not completed: no Running event first.
    expect(summary(status('Running', [node('t', 'Pending')]), status('Running', [node('t', 'Succeeded', { taskResultSynced: false })]))).toEqual([
      'Normal WorkflowNodeSucceeded: Succeeded node wf.t',
    ]);
  });

  it("annotates node events with Argo's keys, the start time in Unix nanoseconds", () => {
    const [report] = toWorkflowEventReports(status('Running', []), status('Running', [node('r', 'Running', { type: 'DAG' })]), config);
    expect(report).toEqual({
      type: 'Normal', reason: 'WorkflowNodeRunning', message: 'Running node wf.r',
      annotations: {
        'workflows.argoproj.io/node-type': 'DAG', 'workflows.argoproj.io/node-name': 'wf.r', 'workflows.argoproj.io/node-id': 'r',
        'workflows.argoproj.io/node-start-time': '1795608000000000000',
      },
    });
  });

  it('follows nodeEvents and workflowEvents: disabled, or about the Pod node\'s pod', () => {
    const off = { ...config, nodeEvents: { enabled: false, sendAsPod: false }, workflowEvents: { enabled: false } };
    expect(summary(undefined, status('Running', [node('r', 'Running')]), off)).toEqual([]);
    const asPod = { ...config, nodeEvents: { enabled: true, sendAsPod: true } };
    const reports = toWorkflowEventReports(status('Running', []), status('Running', [node('r', 'Running'), node('g', 'Running', { type: 'StepGroup' })]), asPod);
    expect(reports.map((r) => r.podNodeId)).toEqual(['r', undefined]);
  });
});
