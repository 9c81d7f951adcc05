import { describe, expect, it } from 'vitest';
import { describeError, ExpressionError, fail, locateError } from './expression-error';

describe('ExpressionError', () => {
  it('shows the reason, the 1-based column and the source', () => {
    const error = new ExpressionError('unexpected token ")"', 'a == )', 5);
    expect(error.message).toBe('unexpected token ")" at 6 in "a == )"');
    expect(error.reason).toBe('unexpected token ")"');
    expect(error.position).toBe(5);
    expect(error).toBeInstanceOf(Error);
  });

  it('omits what it does not know', () => {
    expect(describeError('boom')).toBe('boom');
    expect(describeError('boom', 'x')).toBe('boom in "x"');
  });
});

describe('fail and locateError', () => {
  it('raise a location-free error that the evaluator then locates', () => {
    let caught: unknown;
    try {
      fail('cannot fetch x from <nil>');
    } catch (error) {
      caught = error;
    }
    const located = locateError(caught, 'a.x', 2);
    expect(located.message).toBe('cannot fetch x from <nil> at 3 in "a.x"');
  });

  it('keeps an error that already has a location', () => {
    const inner = new ExpressionError('inner', 'src', 1);
    expect(locateError(inner, 'outer', 9)).toBe(inner);
  });

  it('wraps JavaScript errors', () => {
    expect(locateError(new RangeError('too big'), 's', 0).message).toBe('too big at 1 in "s"');
  });
});
