import type { BuildJson, BuildLink } from '@/lib/history/build-record';
import type { Folder } from '@/lib/history/folders';
import type { JobRef } from '@/lib/history/job-ref';
import type { JobSummary } from '@/lib/history/job-summary';
import type { StageColumn } from '@/lib/history/statistics';
import type { StageRun } from '@/lib/history/stages';

// The answers of the build history API (docs/build-history.md), built from the domain types lib/history defines.

export type { BuildLink, Folder, JobSummary };
export type { Health, Weather } from '@/lib/history/statistics';
export type { JobParameter } from '@/lib/history/describe-job';
export type { Trigger } from '@/lib/history/trigger';
export type { ViewFilter } from '@/lib/history/view-filter';
export type { View } from '@/lib/history/views';

export type Build = BuildJson;
export type BuildParameter = Build['parameters'][number];

export interface BuildDetail extends Build {
  previousNumber?: number;
  nextNumber?: number;
  previousParameters?: BuildParameter[];
}

export interface JobDetail extends JobSummary { stages: string[]; notice?: string }

/** `notice`: the history is degraded (kubernetes mode without a database); say so on the page. */
export interface JobList { items: JobSummary[] | null; folders: Folder[] | null; notice?: string }

export interface BuildPage { items: Build[] | null; nextBefore?: number }

export type StageCell = Omit<StageRun, 'name'>;

export interface StageMatrix {
  stages: StageColumn[];
  builds: (BuildLink & { cells: (StageCell | null)[] })[];
}

export interface TrendPoint { number: number; phase: string; durationSeconds: number | null; startedAt: string | null }

export interface Trends {
  points: TrendPoint[];
  count: number;
  successRate: number | null;
  averageDurationSeconds: number | null;
  parameterValues: Record<string, string[]>;
}

export interface FavouriteList { user: string; items: JobRef[] | null }
