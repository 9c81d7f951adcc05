import { describe, expect, it } from 'vitest';
import { maxResultBytes, toResult } from './step-outputs';

describe('toResult', () => {
  it('drops exactly one trailing newline', () => {
    expect(toResult(Buffer.from('hello\n'))).toBe('hello');
    expect(toResult(Buffer.from('hello\n\n'))).toBe('hello\n');
    expect(toResult(Buffer.from(''))).toBe('');
  });

  it('keeps the last 256 KiB, as Argo does', () => {
    const big = Buffer.concat([Buffer.from('x'.repeat(10)), Buffer.alloc(maxResultBytes, 'y'), Buffer.from('\n')]);
    const result = toResult(big);
    expect(result).toHaveLength(maxResultBytes);
    expect(result.startsWith('y')).toBe(true);
  });
});
