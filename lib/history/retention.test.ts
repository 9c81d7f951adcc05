import { describe, expect, it } from 'vitest';
import { buildsToKeep } from './retention';

describe('buildsToKeep', () => {
  it('takes the job annotation first, then the global default; keeps all otherwise', () => {
    expect(buildsToKeep({ 'capstan.io/builds-to-keep': '10' }, 100)).toBe(10);
    expect(buildsToKeep({ 'capstan.io/builds-to-keep': 'ten' }, 100)).toBe(100);
    expect(buildsToKeep({ 'capstan.io/builds-to-keep': '0' }, undefined)).toBeUndefined();
    expect(buildsToKeep(undefined, 0)).toBeUndefined();
  });
});
