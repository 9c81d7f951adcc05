import { describe, expect, it } from 'vitest';
import { toParameterField, toParameterFields } from './parameter-fields';

describe('toParameterField', () => {
  it('makes a text field prefilled with the value, with the description as help', () => {
    expect(toParameterField({ name: 'branch', value: 'main', description: 'Branch to build' })).toEqual({
      name: 'branch', kind: 'text', help: 'Branch to build', initial: 'main', required: false,
    });
  });

  it('falls back to the default, and requires a value when there is neither', () => {
    expect(toParameterField({ name: 'a', default: 'x' })).toMatchObject({ initial: 'x', required: false });
    expect(toParameterField({ name: 'a' })).toMatchObject({ initial: '', required: true });
  });

  it('makes an enum a select starting on the value, or on the first choice', () => {
    expect(toParameterField({ name: 'env', value: 'production', enum: ['staging', 'production'] })).toMatchObject({
      kind: 'select', options: ['staging', 'production'], initial: 'production', required: false,
    });
    expect(toParameterField({ name: 'env', enum: ['staging', 'production'] })).toMatchObject({ kind: 'select', initial: 'staging' });
  });

  it('makes a true/false enum a toggle', () => {
    expect(toParameterField({ name: 'dry', value: 'false', enum: ['false', 'true'] })).toMatchObject({ kind: 'toggle', initial: 'false' });
    expect(toParameterField({ name: 'dry', enum: ['true', 'false', 'maybe'] })).toMatchObject({ kind: 'select' });
  });

  it('gives long or multi-line values a multi-line editor', () => {
    expect(toParameterField({ name: 'script', value: 'echo a\necho b' }).kind).toBe('multiline');
    expect(toParameterField({ name: 'json', value: 'x'.repeat(61) }).kind).toBe('multiline');
    expect(toParameterField({ name: 'short', value: 'x'.repeat(60) }).kind).toBe('text');
  });

  it('reads numbers and booleans as text (Argo accepts any scalar)', () => {
    expect(toParameterField({ name: 'n', value: 3 as unknown as string }).initial).toBe('3');
  });

  it('says where a valueFrom parameter comes from and does not require it', () => {
    expect(toParameterField({ name: 'c', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } })).toMatchObject({
      required: false, source: 'ConfigMap cm key k',
    });
  });
});

describe('toParameterFields', () => {
  it('keeps the template order and the first of repeated names', () => {
    const fields = toParameterFields([{ name: 'b', value: '1' }, { name: 'a', value: '2' }, { name: 'b', value: '3' }]);
    expect(fields.map((f) => [f.name, f.initial])).toEqual([['b', '1'], ['a', '2']]);
  });

  it('accepts a template without parameters', () => {
    expect(toParameterFields(undefined)).toEqual([]);
  });
});
