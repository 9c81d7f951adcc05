/** How long to wait before retry number `failures` (1 for the first retry): doubling from `baseMs`, capped at `maxMs`. */
export function retryDelayMs(failures: number, baseMs = 1000, maxMs = 30_000): number {
  if (failures <= 1) return baseMs;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
}
