import { describe, expect, it } from 'vitest';
import { createTemplateResolver } from './create-template-resolver';
import { createPlaceholders } from './placeholders';
import type { TemplateHolder } from './resolve-template';
import { findTemplateByName, rebase, resolveTemplateHolder } from './resolve-template';
import { buildContainer, buildWorkflowTemplate } from './test-builders';
import type { TemplateBase, ValidationState } from './validation-state';

const base: TemplateBase = {
  kind: 'Workflow',
  name: 'wf',
  spec: { templates: [buildContainer('a'), buildContainer('b')], podMetadata: { labels: { team: 'x' } } },
  specPath: 'spec',
  document: '',
  scope: 'local',
};
const state: ValidationState = {
  modes: { lint: true, submit: false, ignoreEntrypoint: false, workflowTemplateValidation: false, executorPlugins: undefined },
  globals: new Map(),
  validated: new Set(),
  passed: new WeakSet(),
  bases: new Map(),
  placeholders: createPlaceholders(),
  resolver: createTemplateResolver([buildWorkflowTemplate('wt', [buildContainer('hello')])]),
  namespace: 'ns',
};
const holder = (fields: Partial<TemplateHolder>): TemplateHolder => ({ path: 'h', fieldPath: (field) => `h.${field}`, ...fields });

describe('findTemplateByName', () => {
  it("finds a template with its path, filling in the base's podMetadata", () => {
    expect(findTemplateByName(base, 'b')).toMatchObject({ path: 'spec.templates[1]', template: { name: 'b', metadata: { labels: { team: 'x' } } } });
    expect(findTemplateByName(base, 'c')).toBeUndefined();
  });
});

describe('resolveTemplateHolder', () => {
  it('resolves names, inline templates and templateRefs', () => {
    expect(resolveTemplateHolder(state, holder({ template: 'a' }), base)).toMatchObject({ resolved: { path: 'spec.templates[0]' } });
    expect(resolveTemplateHolder(state, holder({ inline: { suspend: {} } }), base)).toMatchObject({ resolved: { path: 'h.inline' } });
    expect(resolveTemplateHolder(state, holder({ templateRef: { name: 'wt', template: 'hello' } }), base)).toMatchObject({
      resolved: { path: 'spec.templates[0]', base: { document: 'WorkflowTemplate "wt"', scope: 'namespaced' } },
    });
  });

  it('explains what cannot be resolved', () => {
    expect(resolveTemplateHolder(state, holder({ template: 'zz' }), base)).toEqual({ issue: { path: 'h.template', message: "template name 'zz' undefined" } });
    expect(resolveTemplateHolder(state, holder({ templateRef: { name: 'wt' } }), base)).toEqual({
      issue: { path: 'h.templateRef.template', message: 'templateRef.template is required' },
    });
    expect(resolveTemplateHolder(state, holder({}), base)).toEqual({ issue: { path: 'h', message: 'no template to run: set template, templateRef or inline' } });
  });

  it('leaves references with variables to runtime', () => {
    expect(resolveTemplateHolder(state, holder({ templateRef: { name: 'wt', template: '{{item}}' } }), base)).toEqual({ dynamic: true });
  });
});

describe('rebase', () => {
  it('restates an issue from another manifest at the holder', () => {
    const inner = { ...base, document: 'WorkflowTemplate "wt"' };
    expect(rebase({ path: 'spec.templates[0]', message: 'bad' }, inner, base, holder({}))).toEqual({
      path: 'h.templateRef',
      message: 'in WorkflowTemplate "wt": spec.templates[0]: bad',
    });
    expect(rebase({ path: 'p', message: 'm' }, base, base, holder({}))).toEqual({ path: 'p', message: 'm' });
  });
});
