import type { RowWindow } from './row-window';

/**
 * Where each line of a log starts when long lines wrap, in text rows, for a monospace font and a column `columns`
 * characters wide: a line takes `max(1, ceil(length / columns))` rows. Kept as prefix sums extended as lines
 * arrive (O(new lines)), and worked out again only when the width changes, so wrapped lines need no measuring of
 * rows in the DOM. Tabs and wide characters make a line a little taller than counted: rows are laid out in normal
 * flow, so that shifts what follows instead of overlapping it.
 */
export class WrappedRows {
  /** tops[i]: the rows before line i; `count + 1` entries in use. */
  private tops = new Float64Array(1024);
  private count = 0;
  private columns = 0;

  /** Counts lines up to `total`, all of them again if `columns` changed; `length(i)` is line i's length in characters. */
  update(total: number, columns: number, length: (index: number) => number): void {
    const width = Math.max(1, Math.floor(columns));
    if (width !== this.columns || total < this.count) {
      this.columns = width;
      this.count = 0;
    }
    if (total + 1 > this.tops.length) {
      const grown = new Float64Array(Math.max(total + 1, this.tops.length * 2));
      grown.set(this.tops.subarray(0, this.count + 1));
      this.tops = grown;
    }
    for (let i = this.count; i < total; i++) this.tops[i + 1] = this.tops[i]! + Math.max(1, Math.ceil(length(i) / width));
    this.count = total;
  }

  /** The row line `index` starts on (`index` up to the count: the total number of rows). */
  top(index: number): number {
    return this.tops[Math.min(index, this.count)]!;
  }

  get rows(): number {
    return this.tops[this.count]!;
  }

  /** The line on row `row` (the last line past the end). */
  lineAt(row: number): number {
    let low = 0;
    let high = Math.max(0, this.count - 1);
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.tops[mid]! <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The lines to render for a view (scroll offset and height, in pixels): the lines on the rows in view with
   * `overscan` more each side, or, following the end, the last lines that fill the view.
   */
  window(view: { top: number; height: number }, options: { follow: boolean; rowHeight: number; overscan: number }): RowWindow {
    const { follow, rowHeight, overscan } = options;
    if (this.count === 0) return { first: 0, end: 0 };
    const visible = Math.ceil(view.height / rowHeight) + 1;
    if (follow) return { first: this.lineAt(Math.max(0, this.rows - visible)), end: this.count };
    const row = Math.floor(view.top / rowHeight);
    return { first: Math.max(0, this.lineAt(row) - overscan), end: Math.min(this.count, this.lineAt(row + visible) + 1 + overscan) };
  }
}
