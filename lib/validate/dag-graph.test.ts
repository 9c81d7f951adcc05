import { describe, expect, it } from 'vitest';
import { checkTaskResults, findDependencyCycle, getTaskAncestry, getTaskDependencies, sortTasks } from './dag-graph';

describe('getTaskDependencies', () => {
  it('reads names with and without results out of depends', () => {
    expect([...getTaskDependencies({ name: 'c', depends: '(a.Succeeded || b-2) && !a.Failed' })]).toEqual([
      ['a', 'task'],
      ['b-2', 'task'],
    ]);
  });

  it('marks items-based results, which take precedence', () => {
    expect(getTaskDependencies({ name: 'c', depends: 'a.Succeeded && a.AnySucceeded' }).get('a')).toBe('items');
  });

  it('reads dependencies lists', () => {
    expect([...getTaskDependencies({ name: 'c', dependencies: ['a', 'b'] }).keys()]).toEqual(['a', 'b']);
  });
});

describe('checkTaskResults', () => {
  it('rejects unknown results', () => {
    expect(checkTaskResults({ name: 'c', depends: 'a.Succeeded || b.Succeded' })).toBe("task result 'Succeded' for task 'b' is invalid");
    expect(checkTaskResults({ name: 'c', depends: 'a.AllFailed' })).toBeUndefined();
  });
});

describe('sortTasks', () => {
  it('orders tasks after their dependencies, keeping manifest order for ties', () => {
    expect(sortTasks([{ name: 'c', depends: 'a && b' }, { name: 'a' }, { name: 'b', depends: 'a' }])).toEqual([1, 2, 0]);
  });

  it('reports duplicate names, unknown dependencies and cycles', () => {
    expect(sortTasks([{ name: 'a' }, { name: 'a' }])).toEqual({ index: 1, field: 'name', message: "task name 'a' is not unique" });
    expect(sortTasks([{ name: 'a', dependencies: ['x'] }])).toEqual({
      index: 0,
      field: 'dependencies',
      message: "dependency 'x' is not defined",
    });
    expect(sortTasks([{ name: 'a', depends: 'b' }, { name: 'b', depends: 'a' }])).toEqual({
      index: 0,
      field: 'dag',
      message: 'dependency cycle detected: a->b->a',
    });
  });
});

describe('findDependencyCycle and getTaskAncestry', () => {
  const graph: Record<string, string[]> = { a: [], b: ['a'], c: ['b', 'a'] };
  const of = (name: string) => graph[name] ?? [];

  it('finds no cycle in a DAG', () => {
    expect(findDependencyCycle(['a', 'b', 'c'], of)).toBeUndefined();
  });

  it('lists transitive dependencies', () => {
    expect(getTaskAncestry('c', of).sort()).toEqual(['a', 'b']);
  });
});
