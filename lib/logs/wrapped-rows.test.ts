import { describe, expect, it } from 'vitest';
import { WrappedRows } from './wrapped-rows';

const lengths = [5, 25, 0, 10, 11, 40];
const length = (i: number) => lengths[i]!;
const options = { rowHeight: 20, overscan: 0 };

describe('WrappedRows', () => {
  it('counts the rows each line wraps to', () => {
    const rows = new WrappedRows();
    rows.update(lengths.length, 10, length);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => rows.top(i))).toEqual([0, 1, 4, 5, 6, 8, 12]);
    expect(rows.rows).toBe(12);
    expect([0, 1, 3, 4, 5, 7, 11, 99].map((r) => rows.lineAt(r))).toEqual([0, 1, 1, 2, 3, 4, 5, 5]);
  });
  it('extends as lines arrive and starts over when the width changes', () => {
    const rows = new WrappedRows();
    rows.update(2, 10, length);
    expect(rows.rows).toBe(4);
    rows.update(6, 10, length);
    expect(rows.rows).toBe(12);
    rows.update(6, 20, length);
    expect(rows.rows).toBe(8);
    const many = new WrappedRows();
    many.update(5000, 10, () => 15);
    expect(many.rows).toBe(10_000);
  });
  it('windows the lines in view, or the last ones while following', () => {
    const rows = new WrappedRows();
    rows.update(lengths.length, 10, length);
    // 40 px high: 3 rows with the partly visible one.
    expect(rows.window({ top: 20, height: 40 }, { ...options, follow: false })).toEqual({ first: 1, end: 3 });
    expect(rows.window({ top: 0, height: 40 }, { ...options, follow: true })).toEqual({ first: 5, end: 6 });
    expect(new WrappedRows().window({ top: 0, height: 40 }, { ...options, follow: true })).toEqual({ first: 0, end: 0 });
  });
});
