import { describe, expect, it } from 'vitest';
import { buildContainer, buildWorkflow } from './test-builders';
import type { DAGTask, Template } from '@/lib/generated/argo';
import { validateWorkflow } from './validate-workflow';

const dagWorkflow = (tasks: DAGTask[], extra: Template[] = [], dag: Record<string, unknown> = {}) =>
  buildWorkflow([{ name: 'main', dag: { tasks, ...dag } }, buildContainer('c'), ...extra]);
const errorsOf = (manifest: unknown) => validateWorkflow(manifest).errors;
const task = (name: string, extra: Partial<DAGTask> = {}): DAGTask => ({ name, template: 'c', ...extra });

describe('DAG templates', () => {
  it('accepts depends expressions with results, negation and grouping', () => {
    expect(errorsOf(dagWorkflow([task('a'), task('b'), task('d', { depends: '(a.Succeeded || b.Failed) && !a.Skipped' })]))).toEqual([]);
  });

  it('requires tasks, and unique, valid task names', () => {
    expect(errorsOf(dagWorkflow([]))).toEqual([{ path: 'spec.templates[0].dag.tasks', message: 'a DAG must have at least one task' }]);
    expect(errorsOf(dagWorkflow([task('a'), task('a')]))).toEqual([{ path: 'spec.templates[0].dag.tasks[1].name', message: "task name 'a' is not unique" }]);
    expect(errorsOf(dagWorkflow([task('a_b')]))[0]?.path).toBe('spec.templates[0].dag.tasks[0].name');
  });

  it('reports unknown dependencies and cycles', () => {
    expect(errorsOf(dagWorkflow([task('a', { dependencies: ['x'] })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[0].dependencies', message: "dependency 'x' is not defined" },
    ]);
    expect(errorsOf(dagWorkflow([task('a', { depends: 'b.Succeeded' }), task('b', { depends: 'a' })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks', message: 'dependency cycle detected: a->b->a' },
    ]);
  });

  it('rejects depends and dependencies together, and continueOn with depends', () => {
    expect(errorsOf(dagWorkflow([task('a'), task('b', { depends: 'a' }), task('d', { dependencies: ['a'] })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks', message: "cannot use both 'depends' and 'dependencies' in the same DAG template" },
    ]);
    expect(errorsOf(dagWorkflow([task('a'), task('b', { depends: 'a', continueOn: { failed: true } })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[1].continueOn', message: "cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'" },
    ]);
  });

  it('checks the syntax and results of depends', () => {
    expect(errorsOf(dagWorkflow([task('a'), task('b', { depends: 'a &&' })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[1].depends', message: 'invalid depends expression: expected a task name but found end of expression' },
    ]);
    expect(errorsOf(dagWorkflow([task('a'), task('b', { depends: 'a.Succeded' })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[1].depends', message: "task result 'Succeded' for task 'a' is invalid" },
    ]);
    expect(errorsOf(dagWorkflow([task('a'), task('b', { depends: 'a.AnySucceeded' })]))).toEqual([
      {
        path: 'spec.templates[0].dag.tasks[1].depends',
        message: "dependency 'a' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items",
      },
    ]);
    expect(errorsOf(dagWorkflow([task('a', { withItems: [1, 2] }), task('b', { depends: 'a.AnySucceeded' })]))).toEqual([]);
  });

  it('forbids names starting with a digit once dependencies are used', () => {
    expect(errorsOf(dagWorkflow([task('1a'), task('b', { depends: '1a' })]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[0].name', message: "task name cannot begin with a digit when using either 'depends' or 'dependencies'" },
    ]);
  });

  it('checks targets', () => {
    expect(errorsOf(dagWorkflow([task('a')], [], { target: 'a zz' }))).toEqual([
      { path: 'spec.templates[0].dag.target', message: "target 'zz' is not defined" },
    ]);
  });

  it('requires a dependency on a task whose outputs an argument uses', () => {
    const consumer = buildContainer('d', { inputs: { parameters: [{ name: 'p' }] } });
    const args = { parameters: [{ name: 'p', value: '{{tasks.a.outputs.result}}' }] };
    expect(errorsOf(dagWorkflow([task('a'), task('b', { template: 'd', arguments: args })], [consumer]))).toEqual([
      {
        path: 'spec.templates[0].dag.tasks[1].arguments.parameters[0].value',
        message: "missing dependency 'a' for parameter 'p': add it to depends or dependencies",
      },
    ]);
    expect(errorsOf(dagWorkflow([task('a'), task('b', { template: 'd', depends: 'a', arguments: args })], [consumer]))).toEqual([]);
  });

  it('resolves task variables, including status only for ancestors', () => {
    const consumer = buildContainer('d', { inputs: { parameters: [{ name: 'p' }] } });
    const uses = (value: string, depends?: string) => task('b', { template: 'd', depends, arguments: { parameters: [{ name: 'p', value }] } });
    expect(errorsOf(dagWorkflow([task('a'), uses('{{tasks.a.status}}', 'a')], [consumer]))).toEqual([]);
    expect(errorsOf(dagWorkflow([task('a'), uses('x {{tasks.a.status}}')], [consumer]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[1].arguments.parameters[0].value', message: 'failed to resolve {{tasks.a.status}}' },
    ]);
  });

  it('rejects a task that names no template', () => {
    expect(errorsOf(dagWorkflow([{ name: 'a' }]))).toEqual([
      { path: 'spec.templates[0].dag.tasks[0]', message: 'no template to run: set template, templateRef or inline' },
    ]);
  });
});
