import { describe, expect, it } from 'vitest';
import { fitOrdered } from './fit-ordered';

describe('fitOrdered', () => {
  it('keeps items where they want to be when there is room', () => {
    expect(fitOrdered([0, 50, 200], [10, 10])).toEqual([0, 50, 200]);
  });

  it('pushes crowding items apart around their mean, keeping the order', () => {
    expect(fitOrdered([100, 100], [20])).toEqual([90, 110]);
    expect(fitOrdered([100, 100, 100], [10, 10])).toEqual([90, 100, 110]);
  });

  it('lets heavier items move less', () => {
    const [a, b] = fitOrdered([0, 0], [30], [1, 2]);
    expect(b! - a!).toBe(30);
    expect(b).toBe(10);
  });

  it('handles no items', () => {
    expect(fitOrdered([], [])).toEqual([]);
  });
});
