/** Who or what started a build, as the history API records it (docs/build-history.md). */
export interface TriggerLike {
  type: string;
  user?: string;
  retryOf?: number;
  scheduledTime?: string;
}

/** One line saying why a build ran, like Jenkins' "Started by user alice". */
export function describeTrigger(trigger: TriggerLike | undefined): string {
  if (!trigger) return 'Unknown';
  const by = trigger.user ? ` by ${trigger.user}` : '';
  switch (trigger.type) {
    case 'user': return trigger.user ? `Started by ${trigger.user}` : 'Started from the dashboard';
    case 'cron': return trigger.scheduledTime ? `Scheduled for ${trigger.scheduledTime.replace('T', ' ').replace(/(:\d\d)Z$/, '$1 UTC')}` : 'Started by its schedule';
    case 'cli': return `argo CLI${by}`;
    case 'event': return 'Started by an event';
    case 'retry': return trigger.retryOf ? `Retry of #${trigger.retryOf}${by}` : `Retry${by}`;
    case 'resubmit': return trigger.retryOf ? `Rebuild of #${trigger.retryOf}${by}` : `Resubmitted${by}`;
    case 'kubectl': return `Created with kubectl${by}`;
    default: return `Unknown${by}`;
  }
}

/**
 * A short summary of a build's parameters: those that differ from the job's defaults first (they are what makes
 * the build special), then the rest, as `name=value`, long values cut.
 */
export function summariseParameters(
  parameters: { name: string; value: string }[],
  defaults: { name: string; value?: string }[] = [],
  maxValue = 40,
): { changed: string[]; unchanged: string[] } {
  const byName = new Map(defaults.map((d) => [d.name, d.value]));
  const cut = (v: string) => {
    const line = v.split('\n')[0] ?? '';
    return line.length > maxValue || line !== v ? `${line.slice(0, maxValue)}…` : line;
  };
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const p of parameters) (byName.has(p.name) && byName.get(p.name) === p.value ? unchanged : changed).push(`${p.name}=${cut(p.value)}`);
  return { changed, unchanged };
}

/** Success rate over a sliding window of builds, for a trend line: each point is the rate of it and the builds before. */
export function rollingSuccessRate<T extends { phase: string }>(points: T[], window = 10): (T & { successRate: number })[] {
  let succeeded = 0;
  return points.map((point, i) => {
    if (point.phase === 'Succeeded') succeeded++;
    if (i >= window && points[i - window]!.phase === 'Succeeded') succeeded--;
    return { ...point, successRate: Math.round((succeeded / Math.min(i + 1, window)) * 100) };
  });
}
