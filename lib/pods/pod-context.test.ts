import { describe, expect, it, vi } from 'vitest';
import type { Template, Workflow } from '../generated/argo';
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

  it('answers as a search of the template’s text for each name would', () => {
    // What it did before the references were read once per template: two searches of the whole text per pod.
    const searched = (nodeName: string, template: Template) => {
      const name = toStepOrTaskName(nodeName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const prefix = template.dag ? 'tasks' : template.steps ? 'steps' : '';
      const text = JSON.stringify(template);
      return new RegExp(`${prefix}\\.${name}\\.outputs\\.result`).test(text) || new RegExp(`${prefix}\\[['"]${name}['"]\\]\\.outputs.result`).test(text);
    };
    const reads = [
      '{{tasks.a.outputs.result}}', '{{tasks.ab.outputs.result}}', "{{=tasks['b-1'].outputs.result}}", '{{tasks.x.y.outputs.result}}',
      '{{tasks.c.outputs.parameters.p}}', 'xtasks.d.outputs.result', '{{steps.e.outputs.result}}', '{{tasks.f*g.outputs.result}}',
    ];
    const dag: Template = { name: 'main', dag: { tasks: reads.map((value, i) => ({ name: `r${i}`, template: 'w', arguments: { parameters: [{ name: 'p', value }] } })) } };
    const steps: Template = { name: 'main', steps: [reads.map((value, i) => ({ name: `r${i}`, template: 'w', when: value }))] };
    const other: Template = { name: 'main', container: { image: 'x', args: reads } };
    for (const template of [dag, steps, other]) {
      for (const name of ['a', 'b', 'ab', 'b-1', 'x', 'y', 'c', 'd', 'e', 'f*g', 'g', 'r0', 'outputs']) {
        for (const nodeName of [`wf.${name}`, `wf.${name}(0:x)`, `wf[1].${name}`]) {
          expect(includesScriptOutput(nodeName, template, true), `${nodeName} in ${Object.keys(template)[1]}`).toBe(searched(nodeName, template));
        }
      }
    }
  });

  it('reads a wide DAG’s template once, not once per pod', () => {
    const width = 2000;
    const tasks = Array.from({ length: width }, (_, i) => ({ name: `t${i}`, template: 'w', depends: 'root' }));
    const dag: Template = { name: 'main', dag: { tasks: [...tasks, { name: 'sink', template: 'w', arguments: { parameters: [{ name: 'p', value: '{{tasks.t7.outputs.result}}' }] } }] } };
    const stringify = vi.spyOn(JSON, 'stringify');
    const answers = tasks.map((t) => includesScriptOutput(`wf.${t.name}`, dag, true));
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers[7]).toBe(true);
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
