import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { KubeObject } from '@/lib/k8s/object';
import { type ObjectSummary, summarizeObject } from '@/lib/k8s/object-summary';
import type { Listed } from './cluster-port';

/** An object listed as it is: its summary is the object itself, and `read()` gives the object (not a copy). */
export function listedAsIs<T extends KubeObject>(object: T): Listed<T> {
  return { metadata: object.metadata, status: object['status'] as ObjectSummary['status'], read: () => object };
}

/**
 * An object held compactly (issue #6, the API gateway's memory): its summary, and the rest as deflated JSON kept in a
 * one-byte string. 10,000 finished workflows of ~3 KB JSON took ~55 MiB of heap as parsed objects (every value its
 * own string, every node its own object), ~30 MiB as JSON text and ~10 MiB deflated; packing costs ~50 µs and
 * `read()` ~35 µs per workflow, so a page of 50 parses in under 2 ms. The text is a copy: whoever gave the object
 * may go on changing it, and every `read()` is a new object its caller may change.
 */
export class PackedObject<T extends KubeObject> implements Listed<T> {
  readonly metadata: ObjectSummary['metadata'];
  readonly status?: ObjectSummary['status'];
  // A latin1 string, not a Buffer: a string is sized exactly in V8's heap, a small Buffer costs a typed-array
  // object and a backing store besides its bytes.
  private readonly packed: string;

  constructor(object: T) {
    const summary = summarizeObject(object);
    this.metadata = summary.metadata;
    this.status = summary.status;
    this.packed = deflateRawSync(JSON.stringify(object)).toString('latin1');
  }

  read(): T {
    return JSON.parse(inflateRawSync(Buffer.from(this.packed, 'latin1')).toString('utf8')) as T;
  }
}

/** Holds an object packed (see PackedObject). */
export const packObject = <T extends KubeObject>(object: T): Listed<T> => new PackedObject(object);
