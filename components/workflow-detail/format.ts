import { formatDuration } from '@/lib/workflows/phase';
import { nodeDurationSeconds } from '@/lib/graph';

const pad = (n: number) => String(n).padStart(2, '0');

/** A Kubernetes timestamp in the browser's time zone, `2026-01-31 14:05:09`; `-` when absent. */
export function formatTimestamp(iso: string | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** How long something with `startedAt`/`finishedAt` ran (or has run so far); empty before it starts. */
export function formatElapsed(item: { startedAt?: string; finishedAt?: string }, now: Date): string {
  const seconds = nodeDurationSeconds(item, now);
  return seconds === undefined ? '' : formatDuration(seconds);
}
