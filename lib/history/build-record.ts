import type { WorkflowFacts } from './build-facts';
import type { JobRef } from './job-ref';
import type { Trigger } from './trigger';

/** A build as the history stores it (times are RFC 3339 strings, null when unknown): the facts of its workflow, plus its job, number and trigger. */
export interface BuildRecord extends WorkflowFacts {
  job: JobRef;
  number: number;
  trigger: Trigger;
  live: boolean;
  archived: boolean;
}

/** A short reference to a build (the API's `BuildLink`). */
export interface BuildLink {
  number: number;
  phase: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
}

/** A build as the API answers it. */
export interface BuildJson extends BuildLink {
  workflowName: string;
  namespace: string;
  uid: string;
  message?: string;
  trigger: Trigger;
  parameters: { name: string; value: string }[];
  archived: boolean;
  live: boolean;
}

/** Seconds from start to finish; for a build still running, to `now`. */
export function durationOf(build: Pick<BuildRecord, 'startedAt' | 'finishedAt'>, now: Date): number | null {
  if (!build.startedAt) return null;
  const end = build.finishedAt ? Date.parse(build.finishedAt) : now.getTime();
  const seconds = (end - Date.parse(build.startedAt)) / 1000;
  return Number.isNaN(seconds) ? null : Math.max(0, Math.round(seconds * 1000) / 1000);
}

export function toBuildLink(build: Pick<BuildRecord, 'number' | 'phase' | 'startedAt' | 'finishedAt'>, now: Date): BuildLink {
  return { number: build.number, phase: build.phase, startedAt: build.startedAt, finishedAt: build.finishedAt, durationSeconds: durationOf(build, now) };
}

export function toBuildJson(build: BuildRecord, now: Date): BuildJson {
  return {
    ...toBuildLink(build, now),
    workflowName: build.workflowName,
    namespace: build.namespace,
    uid: build.uid,
    ...(build.message ? { message: build.message } : {}),
    trigger: build.trigger,
    parameters: build.parameters,
    archived: build.archived,
    live: build.live,
  };
}
