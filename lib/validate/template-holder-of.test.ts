import { describe, expect, it } from 'vitest';
import { checkHooks, hasExitHook, toTemplateHolder } from './template-holder-of';

describe('toTemplateHolder', () => {
  it('reports field problems on the step or task itself', () => {
    const holder = toTemplateHolder({ name: 'a', template: 't' }, 'spec.templates[0].dag.tasks[2]');
    expect(holder.template).toBe('t');
    expect(holder.fieldPath('templateRef')).toBe('spec.templates[0].dag.tasks[2].templateRef');
  });
});

describe('hasExitHook and checkHooks', () => {
  it('sees onExit and exit hooks', () => {
    expect(hasExitHook({ name: 'a', onExit: 'x' })).toBe(true);
    expect(hasExitHook({ name: 'a', hooks: { exit: { template: 'x' } } })).toBe(true);
    expect(hasExitHook({ name: 'a' })).toBe(false);
  });

  it('requires an expression on every hook but exit', () => {
    expect(checkHooks({ exit: { template: 'x' } }, 'h')).toBeUndefined();
    expect(checkHooks({ 'on-error': { template: 'x' } }, 'h')).toEqual({ path: 'h.on-error.expression', message: "hook 'on-error' needs an expression" });
  });
});
