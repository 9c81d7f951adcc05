import { describe, expect, it } from 'vitest';
import { buildNumberOf, jobKey, jobOfWorkflow, parseJobPath } from './job-ref';

const wf = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({ metadata: { name: 'w', namespace: 'argo', labels }, spec });

describe('jobOfWorkflow', () => {
  it('prefers the cron label, then template labels, then workflowTemplateRef', () => {
    expect(jobOfWorkflow(wf({ 'workflows.argoproj.io/cron-workflow': 'nightly', 'workflows.argoproj.io/workflow-template': 't' })))
      .toEqual({ kind: 'cronworkflows', namespace: 'argo', name: 'nightly' });
    expect(jobOfWorkflow(wf({ 'workflows.argoproj.io/workflow-template': 't' }))).toEqual({ kind: 'workflowtemplates', namespace: 'argo', name: 't' });
    expect(jobOfWorkflow(wf({ 'workflows.argoproj.io/cluster-workflow-template': 'c' }))).toEqual({ kind: 'clusterworkflowtemplates', namespace: '', name: 'c' });
    expect(jobOfWorkflow(wf({}, { workflowTemplateRef: { name: 'r' } }))).toEqual({ kind: 'workflowtemplates', namespace: 'argo', name: 'r' });
    expect(jobOfWorkflow(wf({}, { workflowTemplateRef: { name: 'r', clusterScope: true } }))).toEqual({ kind: 'clusterworkflowtemplates', namespace: '', name: 'r' });
  });
  it('is undefined for a plain workflow', () => {
    expect(jobOfWorkflow(wf({}, { entrypoint: 'main' }))).toBeUndefined();
  });
});

describe('parseJobPath', () => {
  it('takes "-" as the namespace of cluster templates', () => {
    expect(parseJobPath('clusterworkflowtemplates', '-', 'c')).toEqual({ kind: 'clusterworkflowtemplates', namespace: '', name: 'c' });
    expect(jobKey({ kind: 'clusterworkflowtemplates', namespace: '', name: 'c' })).toBe('clusterworkflowtemplates/-/c');
  });
  it('refuses unknown kinds and misplaced namespaces with 400s', () => {
    expect(() => parseJobPath('workflows', 'argo', 'x')).toThrow(/job kind "workflows"/);
    expect(() => parseJobPath('workflowtemplates', '-', 'x')).toThrow(/need a namespace/);
    expect(() => parseJobPath('clusterworkflowtemplates', 'argo', 'x')).toThrow(/cluster-scoped/);
  });
});

describe('buildNumberOf', () => {
  it('reads well-formed positive numbers only', () => {
    expect(buildNumberOf(wf({ 'capstan.io/build-number': '42' }))).toBe(42);
    for (const bad of ['0', '-1', '01', 'x', '']) expect(buildNumberOf(wf({ 'capstan.io/build-number': bad }))).toBeUndefined();
  });
});
