import { describe, expect, it } from 'vitest';
import { prepareForCreate, toKubeTime, validateObjectName } from './object';

describe('prepareForCreate', () => {
  const context = { now: new Date('2026-01-02T03:04:05.678Z'), uid: 'u-1', nameSuffix: 'abcde' };

  it('derives the name from generateName and sets server fields', () => {
    const created = prepareForCreate({ metadata: { generateName: 'hello-', resourceVersion: '9' } }, context);
    expect(created.metadata).toEqual({
      generateName: 'hello-', name: 'hello-abcde', uid: 'u-1', creationTimestamp: '2026-01-02T03:04:05Z', generation: 1,
    });
  });

  it('keeps an explicit name', () => {
    expect(prepareForCreate({ metadata: { name: 'x', generateName: 'y-' } }, context).metadata.name).toBe('x');
  });
});

describe('validateObjectName', () => {
  it('accepts DNS subdomain names and rejects others', () => {
    expect(validateObjectName('hello-world.v1')).toBeUndefined();
    expect(validateObjectName('Hello')).toMatch(/lower case/);
    expect(validateObjectName('-x')).toMatch(/start and end/);
  });
});

it('formats Kubernetes time without milliseconds', () => {
  expect(toKubeTime(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05Z');
});
