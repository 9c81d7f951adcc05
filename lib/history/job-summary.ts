import { isCompleted } from '../engine/phases';
import { type BuildLink, type BuildRecord, toBuildLink } from './build-record';
import type { JobDescription } from './describe-job';
import { type Health, healthOf } from './statistics';

type BuildTimes = Pick<BuildRecord, 'number' | 'phase' | 'startedAt' | 'finishedAt'>;

/** The history side of a job, as the store summarises it. */
export interface JobHistory {
  recent: BuildTimes[];
  lastSuccess?: BuildTimes;
  lastFailure?: BuildTimes;
  buildCount: number;
  lastNumber: number;
}

/** The history of a job never built. */
export const noHistory: JobHistory = { recent: [], buildCount: 0, lastNumber: 0 };

/** A job in lists and headers (the API's `JobSummary`). */
export type JobSummary = Omit<JobDescription, 'stages'> & {
  lastBuild?: BuildLink;
  lastSuccess?: BuildLink;
  lastFailure?: BuildLink;
  lastDurationSeconds?: number;
  buildCount: number;
  nextNumber: number;
  health: Health;
};

/** Joins what a job's resource says with its history. */
export function toJobSummary(description: JobDescription, history: JobHistory, now: Date): JobSummary {
  const { stages: _stages, ...rest } = description;
  const links = history.recent.map((b) => toBuildLink(b, now));
  const lastCompleted = links.find((b) => isCompleted(b.phase));
  return {
    ...rest,
    ...(links[0] ? { lastBuild: links[0] } : {}),
    ...(history.lastSuccess ? { lastSuccess: toBuildLink(history.lastSuccess, now) } : {}),
    ...(history.lastFailure ? { lastFailure: toBuildLink(history.lastFailure, now) } : {}),
    ...(lastCompleted?.durationSeconds != null ? { lastDurationSeconds: lastCompleted.durationSeconds } : {}),
    buildCount: history.buildCount,
    nextNumber: history.lastNumber + 1,
    health: healthOf(links),
  };
}
