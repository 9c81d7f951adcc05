import { describe, expect, it } from 'vitest';
import { assessConditions, parseConditions } from './resource-conditions';
import { readJqFilter, readJsonPath, resourceOutputParameters } from './resource-outputs';
import { applyJsonPatch, applyMergePatch } from './resource-patch';
import { planResource } from './resource-plan';

const job = { metadata: { name: 'pi-abc' }, status: { succeeded: 1, failed: 0, phase: 'Running', conditions: [{ type: 'Complete' }] } };
const workflow = { name: 'wf', uid: 'u-1', namespace: 'argo' };

describe('resource conditions', () => {
  it("reads Argo's selector syntax over JSON paths", () => {
    expect(parseConditions('status.succeeded > 0, status.phase in (Running, Pending), !status.done, metadata.name')).toEqual([
      { key: 'status.succeeded', operator: '>', values: ['0'] },
      { key: 'status.phase', operator: 'in', values: ['Running', 'Pending'] },
      { key: 'status.done', operator: '!', values: [] },
      { key: 'metadata.name', operator: 'exists', values: [] },
    ]);
    expect(() => parseConditions('status.a >')).toThrow(/unable to parse/);
  });

  it('succeeds when every success requirement holds, fails on any failure requirement, else waits', () => {
    expect(assessConditions(job, parseConditions('status.succeeded > 0'), parseConditions('status.failed > 3'))).toEqual({ state: 'succeeded' });
    expect(assessConditions(job, parseConditions('status.phase == Succeeded'), [])).toEqual({ state: 'waiting' });
    expect(assessConditions(job, [], parseConditions('status.succeeded > 0'))).toEqual({ state: 'failed', message: "failure condition 'status.succeeded>0' evaluated true" });
    expect(assessConditions(job, parseConditions('status.conditions.0.type = Complete'), [])).toEqual({ state: 'succeeded' });
  });
});

describe('resource outputs', () => {
  it('reads jsonPath and jqFilter outputs as kubectl and jq -r print them', () => {
    expect(readJsonPath(job, '{.metadata.name}')).toBe('pi-abc');
    expect(readJsonPath(job, '{.status.conditions[0].type}')).toBe('Complete');
    expect(readJqFilter(job, '.status')).toBe(JSON.stringify(job.status));
    expect(readJqFilter(job, '.metadata.name')).toBe('pi-abc');
    expect(resourceOutputParameters([{ name: 'n', valueFrom: { jsonPath: '{.metadata.name}' } }], job)).toEqual([{ name: 'n', value: 'pi-abc' }]);
  });
});

describe('resource patches', () => {
  it('merges maps, deletes nulls and applies JSON patch operations', () => {
    expect(applyMergePatch({ metadata: { annotations: { a: '1', b: '2' } } }, { metadata: { annotations: { b: null, c: '3' } } }))
      .toEqual({ metadata: { annotations: { a: '1', c: '3' } } });
    expect(applyJsonPatch({ spec: { list: [1, 2] } }, [{ op: 'add', path: '/spec/list/-', value: 3 }, { op: 'replace', path: '/spec/x', value: 'y' }]))
      .toEqual({ spec: { list: [1, 2, 3], x: 'y' } });
  });
});

describe('planResource', () => {
  it('sets the workflow as controlling owner and takes the target from flags', () => {
    const plan = planResource({ action: 'create', setOwnerReference: true, manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n' }, workflow);
    expect(plan.manifest['metadata']).toEqual({ generateName: 'x-', ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: 'wf', uid: 'u-1', controller: true, blockOwnerDeletion: true }] });
    expect(plan.target).toMatchObject({ kind: 'ConfigMap', generateName: 'x-', namespace: 'argo' });
    const patch = planResource({ action: 'patch', mergeStrategy: 'merge', flags: ['pod', 'wf-main-123'], manifest: 'metadata: {annotations: {foo: bar}}' }, workflow);
    expect(patch.target).toMatchObject({ kind: 'Pod', name: 'wf-main-123' });
  });

  it('refuses what it cannot carry out, saying why', () => {
    expect(() => planResource({ action: 'explode', manifest: 'kind: X' }, workflow)).toThrow(/not one of create, apply/);
    expect(() => planResource({ action: 'create', manifest: ': :' }, workflow)).toThrow(/not valid YAML|must be an object/);
    expect(() => planResource({ action: 'create', manifestFrom: { artifact: { name: 'm' } } }, workflow)).toThrow(/manifestFrom/);
  });
});
