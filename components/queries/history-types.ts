import type { JobRef } from '../jobs/job-ref';

// The wire shapes of the build history API, as docs/build-history.md defines them.

export type BuildPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';

export interface BuildLink {
  number: number;
  phase: BuildPhase | '';
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
}

export interface Trigger {
  type: 'user' | 'cron' | 'cli' | 'event' | 'retry' | 'resubmit' | 'kubectl' | 'unknown';
  user?: string;
  retryOf?: number;
  scheduledTime?: string;
}

export interface BuildParameter { name: string; value: string }

export interface Build extends BuildLink {
  workflowName: string;
  namespace: string;
  uid: string;
  message?: string;
  trigger: Trigger;
  parameters: BuildParameter[];
  archived: boolean;
  live: boolean;
}

export interface BuildDetail extends Build {
  previousNumber?: number;
  nextNumber?: number;
  previousParameters?: BuildParameter[];
}

export type Weather = 'sunny' | 'partly-sunny' | 'cloudy' | 'rain' | 'storm' | 'none';

export interface Health {
  score: number;
  weather: Weather;
  recent: BuildPhase[];
}

export interface JobParameter { name: string; value?: string; enum?: string[]; description?: string }

export interface JobSummary extends JobRef {
  folder: string;
  description: string;
  title?: string;
  labels: Record<string, string>;
  parameters: JobParameter[];
  schedule?: string;
  timezone?: string;
  suspended?: boolean;
  nextRun?: string | null;
  lastBuild?: BuildLink;
  lastSuccess?: BuildLink;
  lastFailure?: BuildLink;
  lastDurationSeconds?: number;
  buildCount: number;
  nextNumber: number;
  health: Health;
}

export interface JobDetail extends JobSummary { stages: string[] }

export interface Folder { name: string; path: string; jobCount: number; children: Folder[] }

export interface JobList { items: JobSummary[] | null; folders: Folder[] | null }

export interface BuildPage { items: Build[] | null; nextBefore?: number }

export type StagePhase = BuildPhase | 'Skipped' | 'Omitted';

export interface StageCell { phase: StagePhase; durationSeconds: number | null; startedAt: string | null }

export interface StageMatrix {
  stages: { name: string; averageDurationSeconds: number | null; successRate: number | null }[];
  builds: (BuildLink & { cells: (StageCell | null)[] })[];
}

export interface TrendPoint { number: number; phase: BuildPhase; durationSeconds: number | null; startedAt: string | null }

export interface Trends {
  points: TrendPoint[];
  count: number;
  successRate: number | null;
  averageDurationSeconds: number | null;
  parameterValues: Record<string, string[]>;
}

export interface ViewFilter {
  folder?: string;
  namespace?: string;
  labels?: string;
  nameRegex?: string;
  lastStatus?: (BuildPhase | 'None')[];
  search?: string;
}

export interface View { id: string; name: string; filter: ViewFilter; createdAt: string; updatedAt: string }

export interface FavouriteList { user: string; items: JobRef[] | null }
