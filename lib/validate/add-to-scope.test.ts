import { describe, expect, it } from 'vitest';
import { addItemsToScope, addOutputsToScope, isParameterReference } from './add-to-scope';
import { createPlaceholders } from './placeholders';
import type { ValidationState } from './validation-state';

function createTestState(): ValidationState {
  return {
    modes: { lint: true, submit: false, ignoreEntrypoint: false, workflowTemplateValidation: false, executorPlugins: undefined },
    globals: new Map(),
    validated: new Set(),
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
  it("adds a step's outputs and registers its global outputs", () => {
    const state = createTestState();
    const scope = new Set<string>();
    const template = { name: 'p', script: { image: 'x', source: 'y' }, outputs: { parameters: [{ name: 'o', globalName: 'g' }] } };
    addOutputsToScope(state, template, 'steps', 'a', scope, true, false);
    expect([...scope].sort()).toEqual([
      'steps.a.exitCode',
      'steps.a.finishedAt',
      'steps.a.hostNodeName',
      'steps.a.id',
      'steps.a.outputs.parameters',
      'steps.a.outputs.parameters.o',
      'steps.a.outputs.result',
      'steps.a.startedAt',
      'workflow.outputs.parameters.g',
    ]);
    expect(state.globals.has('workflow.outputs.parameters.g')).toBe(true);
  });

  it('adds only the basics for a template known at runtime, and status for ancestors', () => {
    const scope = new Set<string>();
    addOutputsToScope(createTestState(), undefined, 'tasks', 'b', scope, false, true);
    expect([...scope].sort()).toEqual(['tasks.b.finishedAt', 'tasks.b.hostNodeName', 'tasks.b.id', 'tasks.b.startedAt']);
  });
});

describe('isParameterReference', () => {
  it('recognises a variable', () => {
    expect(isParameterReference('{{inputs.parameters.name}}')).toBe(true);
    expect(isParameterReference('plain')).toBe(false);
  });
});
