import { describe, expect, it } from 'vitest';
import { checkContainerSet } from './validate-container-set';

describe('checkContainerSet', () => {
  it('accepts containers with known, acyclic dependencies', () => {
    expect(checkContainerSet({ containers: [{ name: 'a' }, { name: 'b', dependencies: ['a'] }] })).toBeUndefined();
  });

  it('reports empty sets, bad names, mount clashes, unknown dependencies and cycles', () => {
    expect(checkContainerSet({ containers: [] })).toEqual({ field: 'containers', message: 'containers must have at least one container' });
    expect(checkContainerSet({ containers: [{ name: 'a' }, { name: 'a' }] })).toEqual({ field: 'containers[1].name', message: "name 'a' is not unique" });
    expect(checkContainerSet({ containers: [{ name: 'a' }], volumeMounts: [{ name: 'v', mountPath: '/m' }, { name: 'w', mountPath: '/m' }] })).toEqual({
      field: 'volumeMounts[1].mountPath',
      message: "mountPath '/m' already mounted in volumeMounts.v",
    });
    expect(checkContainerSet({ containers: [{ name: 'a', dependencies: ['x'] }] })).toEqual({ field: 'containers[0].dependencies', message: "dependency 'x' not defined" });
    expect(checkContainerSet({ containers: [{ name: 'a', dependencies: ['b'] }, { name: 'b', dependencies: ['a'] }] })).toEqual({
      field: 'containers',
      message: 'dependency cycle detected: a->b->a',
    });
  });
});
