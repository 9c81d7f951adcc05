/** How long ago `iso` was, coarsely as Jenkins says it: `just now`, `5 min ago`, `3 hr ago`, `2 days ago`; `-` when unknown. */
export function formatAgo(iso: string | null | undefined, now: Date): string {
  if (!iso) return '-';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '-';
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (seconds < 0) return formatIn(-seconds);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hr ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** How far ahead something is: `in 30s`, `in 5 min`, `in 3 hr`, `in 2 days`. */
export function formatIn(seconds: number): string {
  if (seconds < 60) return `in ${Math.max(0, Math.round(seconds))}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hr`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
