import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { includesScriptOutput, toBuildPodInput, toStepOrTaskName, toWorkflowDeadline } from './pod-context';

describe('toStepOrTaskName', () => {
  it('strips the parent, loop and retry suffixes', () => {
    expect(toStepOrTaskName('wf[0].fanout1(0:1)(0)[0]')).toBe('fanout1');
    expect(toStepOrTaskName('wf.b')).toBe('b');
    expect(toStepOrTaskName('wf')).toBe('wf');
  });
});

describe('includesScriptOutput', () => {
  const dag = { name: 'main', dag: { tasks: [{ name: 'gen', template: 'g' }, { name: 'use', template: 'u', arguments: { parameters: [{ name: 'x', value: '{{tasks.gen.outputs.result}}' }] } }] } };
  it('is true only when a sibling reads the node’s result', () => {
    expect(includesScriptOutput('wf.gen', dag, true)).toBe(true);
    expect(includesScriptOutput('wf.use', dag, true)).toBe(false);
    expect(includesScriptOutput('wf', undefined, false)).toBe(false);
    expect(includesScriptOutput('wf[0].gen', { name: 's', steps: [[{ name: 'u', when: "steps['gen'].outputs.result == 'x'" }]] }, true)).toBe(true);
  });
});

describe('toWorkflowDeadline', () => {
  it('adds activeDeadlineSeconds to the start truncated to the second', () => {
    expect(toWorkflowDeadline(10, '2026-01-01T00:00:00.900Z')?.toISOString()).toBe('2026-01-01T00:00:10.000Z');
    expect(toWorkflowDeadline(undefined, '2026-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('toBuildPodInput', () => {
  it('takes the node name, boundary template and deadline from the workflow', () => {
    const workflow: Workflow = {
      metadata: { name: 'wf', namespace: 'ns', uid: 'u1' },
      spec: { activeDeadlineSeconds: 60, templates: [{ name: 'main', nodeSelector: { a: 'b' }, dag: { tasks: [] } }] },
      status: {
        startedAt: '2026-01-01T00:00:00Z',
        nodes: { wf: { id: 'wf', name: 'wf', type: 'DAG', templateName: 'main' }, 'wf-1': { id: 'wf-1', name: 'wf.a', type: 'Pod', boundaryID: 'wf' } },
      },
    } as Workflow;
    const input = toBuildPodInput(workflow, { nodeId: 'wf-1', podName: 'wf-ok-1', template: { name: 'ok' } }, { image: 'argoexec' }, new Date('2026-01-01T00:00:05Z'));
    expect(input.nodeName).toBe('wf.a');
    expect(input.boundaryTemplate?.nodeSelector).toEqual({ a: 'b' });
    expect(input.workflow.deadline?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(input.includeScriptOutput).toBe(false);
    expect(input.onExitPod).toBe(false);
  });
});
