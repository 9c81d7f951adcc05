/** Which of a list's fixed-height rows to render: lines `first` (inclusive) to `end` (exclusive). */
export interface RowWindow {
  first: number;
  end: number;
}

/**
 * The rows of a list of `total` fixed-height rows to render for a view (scroll offset and height, in pixels): the
 * rows under the scroll offset with `overscan` more each side, or, following the end, just the last ones in view.
 * O(1), whatever `total` is.
 */
export function rowWindow(total: number, view: { top: number; height: number }, options: { follow: boolean; rowHeight: number; overscan: number }): RowWindow {
  const { follow, rowHeight, overscan } = options;
  const visible = Math.ceil(view.height / rowHeight) + 1;
  if (follow) return { first: Math.max(0, total - visible), end: total };
  const first = Math.max(0, Math.min(Math.floor(view.top / rowHeight) - overscan, total - visible - overscan));
  return { first, end: Math.min(total, first + visible + 2 * overscan) };
}
