import { describe, expect, it } from 'vitest';
import { PackedObject, listedAsIs } from './listed-object';

describe('PackedObject', () => {
  it('reads back the whole object, any text included, as a new object each time', () => {
    const object = { metadata: { name: 'w', namespace: 'ns', labels: { a: 'b' } }, spec: { message: 'héllo ✓ 日本' }, status: { phase: 'Failed', finishedAt: 't' } };
    const packed = new PackedObject(object);
    expect(packed.read()).toEqual(object);
    expect(packed.read()).not.toBe(packed.read());
    expect(packed.metadata).toEqual({ name: 'w', namespace: 'ns', uid: undefined, resourceVersion: undefined, creationTimestamp: undefined, labels: { a: 'b' } });
    expect(packed.status).toEqual({ phase: 'Failed', startedAt: undefined, finishedAt: 't' });
  });

  it('is a copy: changing the object after packing changes nothing held', () => {
    const object = { metadata: { name: 'w', labels: { a: 'b' } }, spec: { n: 1 } };
    const packed = new PackedObject(object);
    object.spec.n = 2;
    object.metadata.labels.a = 'c';
    expect(packed.read().spec).toEqual({ n: 1 });
    expect(packed.metadata.labels).toEqual({ a: 'b' });
  });
});

describe('listedAsIs', () => {
  it('reads the object itself', () => {
    const object = { metadata: { name: 'w' } };
    expect(listedAsIs(object).read()).toBe(object);
  });
});
