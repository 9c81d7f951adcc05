import { describe, expect, it } from 'vitest';
import { normaliseSubmittableKind, parseParameters, workflowFromSubmittable } from './submit-from';

describe('workflowFromSubmittable', () => {
  const template = { metadata: { name: 'ci', namespace: 'argo' }, spec: { entrypoint: 'main' } };

  it('references a WorkflowTemplate and labels the workflow with it', () => {
    const wf = workflowFromSubmittable('WorkflowTemplate', template, 'argo', { parameters: ['branch=feat=x'], labels: 'team=a' });
    expect(wf.metadata).toEqual({
      generateName: 'ci-', namespace: 'argo', labels: { team: 'a', 'workflows.argoproj.io/workflow-template': 'ci' },
    });
    expect(wf['spec']).toEqual({ workflowTemplateRef: { name: 'ci' }, arguments: { parameters: [{ name: 'branch', value: 'feat=x' }] } });
  });

  it('marks ClusterWorkflowTemplate references as cluster scoped', () => {
    const wf = workflowFromSubmittable('ClusterWorkflowTemplate', template, 'ns', { name: 'fixed' });
    expect(wf.metadata.name).toBe('fixed');
    expect(wf['spec']).toEqual({ workflowTemplateRef: { name: 'ci', clusterScope: true } });
    expect(wf.metadata.labels).toEqual({ 'workflows.argoproj.io/cluster-workflow-template': 'ci' });
  });

  it("copies a CronWorkflow's workflowSpec and overrides its parameters", () => {
    const cron = { metadata: { name: 'nightly' }, spec: { workflowSpec: { entrypoint: 'a', arguments: { parameters: [{ name: 'x', value: '1' }, { name: 'y', value: '2' }] } } } };
    const wf = workflowFromSubmittable('CronWorkflow', cron, 'argo', { parameters: ['x=9'] });
    expect(wf['spec']).toEqual({ entrypoint: 'a', arguments: { parameters: [{ name: 'y', value: '2' }, { name: 'x', value: '9' }] } });
    expect(cron.spec.workflowSpec.arguments.parameters[0]!.value).toBe('1');
  });

  it('rejects malformed parameters and kinds', () => {
    expect(() => parseParameters(['novalue'])).toThrow(/must be name=value/);
    expect(() => normaliseSubmittableKind('Pod')).toThrow(/cannot be submitted/);
    expect(normaliseSubmittableKind('cronwf')).toBe('CronWorkflow');
  });
});
