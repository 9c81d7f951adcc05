import { describe, expect, it } from 'vitest';
import { addItemsToScope, addOutputsToScope, isParameterReference } from './add-to-scope';
import { createPlaceholders } from './placeholders';
import type { ValidationState } from './validation-state';
import { VariableScope } from './variable-scope';

function createTestState(): ValidationState {
  return {
    modes: { lint: true, submit: false, ignoreEntrypoint: false, workflowTemplateValidation: false, executorPlugins: undefined },
    globals: new Map(),
    validated: new Set(),
    passed: new WeakSet(),
    bases: new Map(),
    placeholders: createPlaceholders(),
    resolver: undefined,
    namespace: '',
  };
}

describe('addItemsToScope', () => {
  it('adds item, map keys and list indexes', () => {
    const scope = new Set<string>();
    expect(addItemsToScope({ withItems: ['a', { k: 1 }, [1, 2]] }, scope)).toBeUndefined();
    expect([...scope].sort()).toEqual(['item', 'item.[0]', 'item.[1]', 'item.k']);
  });

  it('accepts any key under withParam, and rejects two loops', () => {
    const scope = new Set<string>();
    addItemsToScope({ withParam: '{{steps.a.outputs.result}}' }, scope);
    expect(scope.has('item.*')).toBe(true);
    expect(addItemsToScope({ withItems: [1], withSequence: { count: '2' } }, new Set())).toBe('only one of withItems, withParam, withSequence can be specified');
  });
});

describe('addOutputsToScope', () => {
  const stepFields = ['id', 'startedAt', 'finishedAt', 'hostNodeName'];

  it("exposes a step's outputs and registers its global outputs", () => {
    const state = createTestState();
    const scope = new VariableScope();
    const template = { name: 'p', script: { image: 'x', source: 'y' }, outputs: { parameters: [{ name: 'o', globalName: 'g' }] } };
    addOutputsToScope(state, template, 'steps', 'a', scope, true, false);
    for (const field of [...stepFields, 'exitCode', 'outputs.parameters', 'outputs.parameters.o', 'outputs.result']) {
      expect(scope.has(`steps.a.${field}`), field).toBe(true);
    }
    for (const key of ['steps.a.status', 'steps.a.ip', 'steps.a.outputs.parameters.p', 'steps.a.outputs.artifacts.o', 'steps.b.id', 'tasks.a.id', 'steps.a']) {
      expect(scope.has(key), key).toBe(false);
    }
    expect(scope.has('workflow.outputs.parameters.g')).toBe(true);
    expect(state.globals.has('workflow.outputs.parameters.g')).toBe(true);
  });

  it('adds only the basics for a template known at runtime, and status for ancestors', () => {
    const runtime = new VariableScope();
    addOutputsToScope(createTestState(), undefined, 'tasks', 'b', runtime, false, true);
    for (const field of stepFields) expect(runtime.has(`tasks.b.${field}`)).toBe(true);
    expect(runtime.has('tasks.b.status')).toBe(false);
    expect(runtime.has('tasks.b.outputs.result')).toBe(false);
    const ancestor = new VariableScope();
    addOutputsToScope(createTestState(), { name: 'c', container: { image: 'x' } }, 'tasks', 'b', ancestor, false, true);
    expect(ancestor.has('tasks.b.status')).toBe(true);
    expect(ancestor.has('tasks.b.outputs.result')).toBe(true);
  });

  it('gives a loop over a script its aggregated result and parameters, but not a loop over a resource', () => {
    const scope = new VariableScope();
    addOutputsToScope(createTestState(), { name: 's', script: { image: 'x', source: 'y' } }, 'tasks', 's', scope, true, false);
    addOutputsToScope(createTestState(), { name: 'r', resource: { action: 'get' } }, 'tasks', 'r', scope, true, false);
    addOutputsToScope(createTestState(), { name: 'd', daemon: true, container: { image: 'x' } }, 'tasks', 'd', scope, false, false);
    expect(scope.has('tasks.s.outputs.result')).toBe(true);
    expect(scope.has('tasks.r.outputs.result')).toBe(false);
    expect(scope.has('tasks.r.outputs.parameters')).toBe(true);
    expect(scope.has('tasks.d.ip')).toBe(true);
    expect(scope.has('tasks.s.ip')).toBe(false);
  });
});

describe('isParameterReference', () => {
  it('recognises a variable', () => {
    expect(isParameterReference('{{inputs.parameters.name}}')).toBe(true);
    expect(isParameterReference('plain')).toBe(false);
  });
});
