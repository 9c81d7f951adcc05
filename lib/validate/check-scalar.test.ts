import { describe, expect, it } from 'vitest';
import { checkScalar, describeWithArticle, isQuantity } from './check-scalar';

describe('checkScalar', () => {
  it('lets null through everywhere, as Go leaves the field unset', () => {
    for (const shape of ['string', 'integer', 'quantity', 'plugin', 'time'] as const) expect(checkScalar(shape, null)).toBeUndefined();
  });

  it('checks plain JSON types', () => {
    expect(checkScalar('string', 1)).toBe('must be a string, not a number');
    expect(checkScalar('boolean', 'true')).toBe('must be a boolean, not a string');
    expect(checkScalar('integer', 2)).toBeUndefined();
    expect(checkScalar('integer', 2.5)).toBe('must be an integer, not 2.5');
  });

  it('takes IntOrString as a string or a 32-bit integer', () => {
    expect(checkScalar('int-or-string', '{{x}}')).toBeUndefined();
    expect(checkScalar('int-or-string', 3)).toBeUndefined();
    expect(checkScalar('int-or-string', true)).toBe('must be an integer or a string, not a bool');
    expect(checkScalar('int-or-string', 2 ** 31)).toBe('2147483648 is out of range for a 32-bit integer');
  });

  it('parses quantities and timestamps', () => {
    expect(checkScalar('quantity', 0.5)).toBeUndefined();
    expect(checkScalar('quantity', 'lots')).toBe('"lots" is not a valid quantity (e.g. 500m, 1.5, 2Gi)');
    expect(checkScalar('time', '2024-01-02T03:04:05Z')).toBeUndefined();
    expect(checkScalar('time', 'yesterday')).toBe('"yesterday" is not an RFC 3339 timestamp');
  });
});

describe('isQuantity', () => {
  it('accepts SI, binary and exponent suffixes', () => {
    for (const text of ['1', '1.5', '.5', '500m', '2Gi', '1e3', '-1', '+2Ki']) expect(isQuantity(text)).toBe(true);
    for (const text of ['', 'Gi', '1Gb', '1.2.3', '1 Gi']) expect(isQuantity(text)).toBe(false);
  });
});

describe('describeWithArticle', () => {
  it('picks the article', () => {
    expect(describeWithArticle([])).toBe('an array');
    expect(describeWithArticle('x')).toBe('a string');
  });
});
