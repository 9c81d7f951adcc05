/**
 * Positions for items in a fixed left-to-right order, each as close as possible (least squares, weighted) to
 * where it wants to be, while consecutive items keep at least `gaps[i]` between items i and i+1. Solved exactly
 * by pool-adjacent-violators on the desired positions minus the minimum offsets.
 */
export function fitOrdered(desired: readonly number[], gaps: readonly number[], weights?: readonly number[]): number[] {
  const n = desired.length;
  const offset = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1]! + gaps[i - 1]!;
  // Blocks of pooled items: their weighted mean (in offset-free space), weight and length.
  const mean: number[] = [];
  const weight: number[] = [];
  const length: number[] = [];
  for (let i = 0; i < n; i++) {
    let m = desired[i]! - offset[i]!;
    let w = weights?.[i] ?? 1;
    let len = 1;
    while (mean.length && mean[mean.length - 1]! >= m) {
      const pw = weight.pop()!;
      const pm = mean.pop()!;
      m = (pm * pw + m * w) / (pw + w);
      w += pw;
      len += length.pop()!;
    }
    mean.push(m);
    weight.push(w);
    length.push(len);
  }
  const result: number[] = [];
  for (let b = 0; b < mean.length; b++) for (let k = 0; k < length[b]!; k++) result.push(mean[b]! + offset[result.length]!);
  return result;
}
