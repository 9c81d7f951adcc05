import { describe, expect, it } from 'vitest';
import { anyItemKey, findUnresolvedVariable } from './resolve-variables';

const none = new Set<string>();
const noGlobals = new Map<string, string>();

describe('findUnresolvedVariable', () => {
  it('accepts variables in scope or global, and ignores other prefixes and expressions', () => {
    const scope = new Set(['inputs.parameters.x']);
    const globals = new Map([['workflow.name', 'p']]);
    expect(findUnresolvedVariable('{{inputs.parameters.x}} {{ workflow.name }} {{foo.bar}} {{=nope}} {{item}}', scope, globals, false)).toBeUndefined();
  });

  it('reports the first unresolvable variable, untrimmed', () => {
    expect(findUnresolvedVariable('{{ inputs.parameters.y }}', none, noGlobals, false)).toBe('failed to resolve {{ inputs.parameters.y }}');
  });

  it('accepts any item key under withParam, and runtime-only variables', () => {
    expect(findUnresolvedVariable('{{item.a.b}}', new Set([anyItemKey]), noGlobals, false)).toBeUndefined();
    expect(findUnresolvedVariable('{{item.a}}', none, noGlobals, false)).toBe('failed to resolve {{item.a}}');
    expect(findUnresolvedVariable('{{workflow.creationTimestamp.Y}} {{outputs.result}} {{steps.name}}', none, noGlobals, false)).toBeUndefined();
  });

  it('accepts workflow parameters only when validating a WorkflowTemplate alone', () => {
    expect(findUnresolvedVariable('{{workflow.parameters.p}}', none, noGlobals, true)).toBeUndefined();
    expect(findUnresolvedVariable('{{workflow.parameters.p}}', none, noGlobals, false)).toBe('failed to resolve {{workflow.parameters.p}}');
  });

  it('reports an unterminated tag', () => {
    expect(findUnresolvedVariable('{{inputs', none, noGlobals, false)).toMatch(/^cannot find end tag/);
  });
});
