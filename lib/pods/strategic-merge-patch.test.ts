import { describe, expect, it } from 'vitest';
import { applyPodSpecPatches } from './strategic-merge-patch';

const spec = {
  containers: [
    { name: 'wait', image: 'argoexec', env: [{ name: 'A', value: '1' }] },
    { name: 'main', image: 'busybox', args: ['a'], env: [{ name: 'A', value: '1' }], volumeMounts: [{ name: 'v', mountPath: '/v' }] },
  ],
  volumes: [{ name: 'v', emptyDir: {} }],
  tolerations: [{ key: 'x' }],
};

describe('applyPodSpecPatches', () => {
  it('merges containers by name, env by name and mounts by mountPath', () => {
    const patched = applyPodSpecPatches(spec, [
      '{"containers":[{"name":"main","env":[{"name":"A","value":"2"},{"name":"B","value":"3"}],"volumeMounts":[{"name":"w","mountPath":"/w"}]}]}',
    ]);
    expect(patched.containers[0]).toEqual(spec.containers[0]);
    expect(patched.containers[1]?.env).toEqual([{ name: 'A', value: '2' }, { name: 'B', value: '3' }]);
    expect(patched.containers[1]?.volumeMounts).toEqual([{ name: 'v', mountPath: '/v' }, { name: 'w', mountPath: '/w' }]);
  });

  it('replaces lists without a merge key, and scalars', () => {
    const patched = applyPodSpecPatches(spec, ['tolerations: [{key: y}]\ncontainers:\n- name: main\n  args: [b]\n']);
    expect(patched.tolerations).toEqual([{ key: 'y' }]);
    expect(patched.containers[1]?.args).toEqual(['b']);
  });

  it('applies patches in order and honours null and $patch directives', () => {
    const patched = applyPodSpecPatches(spec, [
      '{"containers":[{"name":"sidecar","image":"nginx"}]}',
      '{"volumes":[{"name":"v","$patch":"delete"}],"containers":[{"name":"main","volumeMounts":null}]}',
    ]);
    expect(patched.containers.map((c) => c.name)).toEqual(['wait', 'main', 'sidecar']);
    expect(patched.volumes).toEqual([]);
    expect(patched.containers[1]).not.toHaveProperty('volumeMounts');
  });

  it('rejects a patch that is not a mapping', () => {
    expect(() => applyPodSpecPatches(spec, ['- a'])).toThrow(/invalid podSpecPatch/);
  });
});
