import { describe, expect, it } from 'vitest';
import type { WorkflowEventBinding } from '../generated/argo';
import { bindingMatches, eventEnvironment, workflowForBinding } from './dispatch-event';

const env = eventEnvironment({ namespace: 'argo', discriminator: 'deploy', payload: { app: 'web', replicas: 3, tags: ['a'] }, metadata: { 'x-team': ['platform'] } });
const binding = (selector: string, extra: object = {}) => ({
  metadata: { name: 'b', namespace: 'argo' },
  spec: { event: { selector }, submit: { workflowTemplateRef: { name: 'tpl' }, ...extra } },
}) as unknown as WorkflowEventBinding;

describe('event dispatch', () => {
  it('evaluates selectors over namespace, discriminator, payload and x- headers', () => {
    expect(bindingMatches(binding('discriminator == "deploy" && payload.replicas > 2 && metadata["x-team"][0] == "platform"'), env)).toBe(true);
    expect(bindingMatches(binding('payload.app == "db"'), env)).toBe(false);
    expect(() => bindingMatches(binding('payload.app'), env)).toThrow(/^failed to evaluate workflow template expression/);
  });

  it('builds the workflow Argo submits: template ref and labels, expression metadata, parameters from the event', () => {
    const wf = workflowForBinding(binding('true', {
      metadata: { name: '"deploy-" + payload.app', labels: { app: 'payload.app' } },
      arguments: { parameters: [{ name: 'app', valueFrom: { event: 'payload.app' } }, { name: 'n', valueFrom: { event: 'payload.replicas' } }, { name: 'tags', valueFrom: { event: 'payload.tags' } }] },
    }), env, { name: 'tpl', clusterScope: false, spec: { workflowMetadata: { labels: { from: 'template' } } } }, 'blue');
    expect(wf.metadata).toEqual({
      name: 'deploy-web', generateName: 'tpl-', namespace: 'argo',
      labels: {
        'workflows.argoproj.io/workflow-template': 'tpl', from: 'template', app: 'web',
        'workflows.argoproj.io/workflow-event-binding': 'b', 'workflows.argoproj.io/controller-instanceid': 'blue',
      },
    });
    expect(wf.spec).toEqual({
      workflowTemplateRef: { name: 'tpl' },
      arguments: { parameters: [{ name: 'app', value: 'web' }, { name: 'n', value: '3' }, { name: 'tags', value: '["a"]' }] },
    });
  });

  it("refuses what Argo refuses, with Argo's messages", () => {
    const noValueFrom = binding('true', { arguments: { parameters: [{ name: 'p' }] } });
    expect(() => workflowForBinding(noValueFrom, env, { name: 'tpl', clusterScope: false }, '')).toThrow('malformed workflow template parameter "p": valueFrom is nil');
    const notString = binding('true', { metadata: { labels: { n: 'payload.replicas' } } });
    expect(() => workflowForBinding(notString, env, { name: 'tpl', clusterScope: false }, '')).toThrow('workflow label "n" expression must evaluate to a string');
  });
});
