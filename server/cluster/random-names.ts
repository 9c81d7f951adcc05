import { randomInt, randomUUID } from 'node:crypto';
import type { CreateContext } from '@/lib/k8s/object';

// The alphabet Kubernetes uses for generateName suffixes: no vowels, so no accidental words.
const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** A fresh uid, name suffix and timestamp for creating one object. */
export function newCreateContext(): CreateContext {
  let nameSuffix = '';
  for (let i = 0; i < 5; i++) nameSuffix += suffixAlphabet[randomInt(suffixAlphabet.length)];
  return { now: new Date(), uid: randomUUID(), nameSuffix };
}
