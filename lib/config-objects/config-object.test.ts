import { describe, expect, it } from 'vitest';
import { maskSecret, mergeSecretValues, validateConfigObject } from './config-object';

describe('validateConfigObject', () => {
  it('accepts Kubernetes names and keys', () => {
    expect(() => validateConfigObject('ConfigMap', 'artifact-repositories', ['default-v1', 'my.key_2'])).not.toThrow();
  });
  it('refuses bad names and keys with a clear message', () => {
    expect(() => validateConfigObject('Secret', 'My Secret', [])).toThrow(/Secret name "My Secret": use lower-case/);
    expect(() => validateConfigObject('ConfigMap', 'ok', ['a/b'])).toThrow(/key "a\/b" may contain only/);
  });
});

describe('mergeSecretValues', () => {
  it('keeps a value sent as null, replaces one sent as a string, drops one left out', () => {
    expect(mergeSecretValues({ user: 'u', password: 'p', old: 'x' }, { user: 'v', password: null }, 's')).toEqual({ user: 'v', password: 'p' });
  });
  it('refuses to keep a value that was never saved', () => {
    expect(() => mergeSecretValues({}, { token: null }, 's')).toThrow(/key "token" has no saved value/);
  });
});

describe('maskSecret', () => {
  it('shows the keys and never the values', () => {
    expect(maskSecret({ b: 'secret', a: 'hidden' })).toEqual({ data: { a: '', b: '' }, keys: ['a', 'b'] });
  });
});
