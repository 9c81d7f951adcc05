import { describe, expect, it } from 'vitest';
import { cloneJson } from './clone-json';
import { derived, internSpec } from './intern-spec';

describe('internSpec', () => {
  it('gives one frozen object per spec content, so caches keyed by its parts last from one reconcile to the next', () => {
    const spec = { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] };
    const first = internSpec(spec);
    const second = internSpec(structuredClone(spec));
    expect(second).toBe(first);
    expect(first).toEqual(spec);
    expect(first).not.toBe(spec);
    expect(Object.isFrozen(first.templates![0]!.container)).toBe(true);
    expect(internSpec({ ...spec, entrypoint: 'other' })).not.toBe(first);
  });

  it("recognises a workflow's unchanged spec by comparison, and a changed one as changed", () => {
    const spec = { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', args: ['a'] } }] };
    const first = internSpec(spec, 'uid-1');
    expect(internSpec(structuredClone(spec), 'uid-1')).toBe(first);
    expect(internSpec(first, 'uid-1')).toBe(first);
    // The caller may change its own object between reconciles: the content decides, not the object.
    spec.templates[0]!.container.args.push('b');
    const changed = internSpec(spec, 'uid-1');
    expect(changed).not.toBe(first);
    expect(changed.templates![0]!.container!.args).toEqual(['a', 'b']);
    expect(internSpec(structuredClone(spec))).toBe(changed);
  });

  it('derives a value once per object', () => {
    const cache = new WeakMap<object, number>();
    let calls = 0;
    const key = {};
    expect(derived(cache, key, () => ++calls)).toBe(1);
    expect(derived(cache, key, () => ++calls)).toBe(1);
    expect(calls).toBe(1);
  });
});

describe('cloneJson', () => {
  it('copies deeply and drops undefined members, as a JSON round trip does', () => {
    const value = { a: [1, { b: 'x' }], c: undefined, d: null };
    const copy = cloneJson(value);
    expect(copy).toStrictEqual(JSON.parse(JSON.stringify(value)));
    expect(copy.a[1]).not.toBe(value.a[1]);
  });
});
