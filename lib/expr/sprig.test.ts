import { describe, expect, it } from 'vitest';
import { createSprigFunctions } from './sprig';
import { toGoTime } from './go-time';

describe('createSprigFunctions', () => {
  const sprig = createSprigFunctions(toGoTime(new Date('2024-01-02T03:04:05Z')));

  it('offers the generic sprig functions Argo exposes', () => {
    for (const name of ['upper', 'default', 'int', 'add', 'list', 'dict', 'toJson', 'b64enc', 'regexMatch', 'date', 'trim', 'merge']) {
      expect(typeof sprig[name], name).toBe('function');
    }
    expect(sprig.env).toBeUndefined(); // Argo deletes env and expandenv
    expect(sprig.expandenv).toBeUndefined();
  });

  it('fails clearly for functions that need randomness, the network or keys', () => {
    const uuid = sprig.uuidv4;
    expect(typeof uuid).toBe('function');
    expect(() => (uuid as () => unknown)()).toThrow('sprig.uuidv4 is not available in Capstan');
  });

  it('says so for semver, which is not implemented', () => {
    expect(() => (sprig.semverCompare as () => unknown)()).toThrow('sprig.semverCompare is not implemented in Capstan');
  });

  it('uses the given clock', () => {
    expect((sprig.now as () => unknown)()).toEqual(toGoTime(new Date('2024-01-02T03:04:05Z')));
  });
});

describe('createSprigFunctions caching', () => {
  it('shares one frozen namespace per clock', () => {
    const now = toGoTime(new Date('2020-01-01T00:00:00Z'));
    const first = createSprigFunctions(now);
    expect(createSprigFunctions(toGoTime(new Date('2020-01-01T00:00:00Z')))).toBe(first);
    expect(createSprigFunctions(toGoTime(new Date('2021-01-01T00:00:00Z')))).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
