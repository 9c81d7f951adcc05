import { isCompleted } from '../engine/phases';
import type { StageRun } from './stages';

/** A build as the statistics see it. */
export interface BuildPoint {
  number: number;
  phase: string;
  startedAt: string | null;
  durationSeconds: number | null;
}

export type Weather = 'sunny' | 'partly-sunny' | 'cloudy' | 'rain' | 'storm' | 'none';

export interface Health {
  score: number;
  weather: Weather;
  recent: string[];
}

const healthWindow = 5;

/** Jenkins' weather: the share of the last 5 completed builds that succeeded; `recent` also shows running ones. */
export function healthOf(newestFirst: BuildPoint[]): Health {
  const recent = newestFirst.slice(0, healthWindow).map((b) => b.phase);
  const completed = newestFirst.filter((b) => isCompleted(b.phase)).slice(0, healthWindow);
  if (!completed.length) return { score: 0, weather: 'none', recent };
  const score = Math.round((100 * completed.filter((b) => b.phase === 'Succeeded').length) / completed.length);
  const weather: Weather = score >= 80 ? 'sunny' : score >= 60 ? 'partly-sunny' : score >= 40 ? 'cloudy' : score >= 20 ? 'rain' : 'storm';
  return { score, weather, recent };
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/** Success rate (0..1) and mean duration of the completed builds; null when none completed. */
export function summarise(builds: BuildPoint[]): { count: number; successRate: number | null; averageDurationSeconds: number | null } {
  const completed = builds.filter((b) => isCompleted(b.phase));
  return {
    count: completed.length,
    successRate: completed.length ? completed.filter((b) => b.phase === 'Succeeded').length / completed.length : null,
    averageDurationSeconds: mean(completed.map((b) => b.durationSeconds).filter((d): d is number => d !== null)),
  };
}

/** Trend points: completed builds, oldest first, ready for a chart. */
export function trendPoints(newestFirst: BuildPoint[]): BuildPoint[] {
  return newestFirst.filter((b) => isCompleted(b.phase)).reverse();
}

export interface StageColumn {
  name: string;
  averageDurationSeconds: number | null;
  successRate: number | null;
}

export interface StageMatrix<B extends BuildPoint> {
  stages: StageColumn[];
  builds: (B & { cells: (Omit<StageRun, 'name'> | null)[] })[];
}

/**
 * Jenkins' stage view: one column per stage (the declared ones in order, then any others the builds ran, in the
 * order the newest build ran them), one row per build; averages over the cells that succeeded, success rate over
 * the completed cells.
 */
export function stageMatrix<B extends BuildPoint>(declared: string[], builds: (B & { stages: StageRun[] })[]): StageMatrix<B> {
  const names = [...declared];
  for (const build of builds) for (const stage of build.stages) if (!names.includes(stage.name)) names.push(stage.name);
  const rows = builds.map(({ stages, ...build }) => {
    const byName = new Map(stages.map((s) => [s.name, s]));
    const cells = names.map((name) => {
      const stage = byName.get(name);
      return stage ? { phase: stage.phase, startedAt: stage.startedAt, durationSeconds: stage.durationSeconds } : null;
    });
    return { ...(build as unknown as B), cells };
  });
  const stages = names.map((name, i): StageColumn => {
    const cells = rows.map((r) => r.cells[i]).filter((c): c is NonNullable<typeof c> => c !== null);
    const completed = cells.filter((c) => isCompleted(c.phase));
    const succeeded = completed.filter((c) => c.phase === 'Succeeded');
    return {
      name,
      averageDurationSeconds: mean(succeeded.map((c) => c.durationSeconds).filter((d): d is number => d !== null)),
      successRate: completed.length ? succeeded.length / completed.length : null,
    };
  });
  return { stages, builds: rows };
}
