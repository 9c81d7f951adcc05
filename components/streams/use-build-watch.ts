'use client';
import { type InfiniteData, type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import type { BuildLink } from '@/lib/history/build-record';
import {
  type BuildSighting, applyToBuildDetail, applyToBuildPages, applyToJobList, applyToJobSummary, applyToStageMatrix, changesStatistics, sightingOf,
} from '@/lib/history/build-sighting';
import { type JobRef, buildNumberLabel, jobLabels } from '@/lib/history/job-ref';
import type { KubeObject } from '@/lib/k8s/object';
import type { WatchEventOf } from '@/lib/watch/apply-watch-event';
import type { BuildDetail, BuildPage, JobDetail, JobList, StageMatrix } from '../queries/history-types';
import type { StreamState } from './use-event-stream';
import { useBatchedEventStream, workflowEventsUrl } from './use-workflow-watch';

// The build history pages follow Argo's workflow watch (`/api/v1/workflow-events/{ns}`) of numbered builds and apply
// each event to the cached answers of the history API (lib/history/build-sighting.ts): rows change phase and new
// builds appear as they happen. The server's statistics (weather, averages, trends) are refetched only when a build
// completes or a new one appears. Polling stands in only while the stream is down.

type WorkflowEvent = WatchEventOf<Workflow & KubeObject>;

// The jobs list needs no nodes: a projected stream keeps each event small with thousands of builds running.
const summaryFields = ['result.type', 'result.object.metadata.name', 'result.object.metadata.namespace', 'result.object.metadata.uid',
  'result.object.metadata.labels', 'result.object.metadata.annotations', 'result.object.metadata.resourceVersion',
  'result.object.metadata.creationTimestamp', 'result.object.status.phase', 'result.object.status.startedAt',
  'result.object.status.finishedAt', 'result.object.status.message'].join(',');

function sightingsOf(events: WorkflowEvent[]): BuildSighting[] {
  const now = new Date();
  return events.flatMap((e) => {
    const sighting = e.object ? sightingOf(e.type, e.object, now) : undefined;
    return sighting ? [sighting] : [];
  });
}

const sameJob = (a: JobRef, b: JobRef) => a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
const isPages = (data: unknown): data is InfiniteData<BuildPage> => Boolean(data && typeof data === 'object' && 'pages' in data);

/** What the cached history holds of a build, and the newest number it holds. */
function heldBuild(client: QueryClient, job: JobRef, number: number): { known: BuildLink | undefined; newest: number } {
  let known: BuildLink | undefined;
  let newest = 0;
  for (const [, data] of client.getQueriesData<InfiniteData<BuildPage> | StageMatrix>({ queryKey: ['capstan', 'builds', job.kind, job.namespace, job.name] })) {
    const builds = isPages(data) ? data.pages.flatMap((p) => p.items ?? []) : [];
    known ??= builds.find((b) => b.number === number);
    newest = Math.max(newest, builds[0]?.number ?? 0);
  }
  for (const [, data] of client.getQueriesData<StageMatrix>({ queryKey: ['capstan', 'stages', job.kind, job.namespace, job.name] })) {
    known ??= data?.builds.find((b) => b.number === number);
    newest = Math.max(newest, data?.builds[0]?.number ?? 0);
  }
  return { known, newest };
}

/** Applies one job's sightings to every cached answer about that job; refetches its statistics when they changed. */
function applyToJob(client: QueryClient, job: JobRef, sightings: BuildSighting[]): void {
  const coordinates = [job.kind, job.namespace, job.name] as const;
  let statistics = false;
  for (const sighting of sightings) {
    const { known, newest } = heldBuild(client, job, sighting.build.number);
    statistics ||= changesStatistics(known, newest, sighting);
    client.setQueriesData<InfiniteData<BuildPage> | BuildDetail>({ queryKey: ['capstan', 'builds', ...coordinates] }, (old) => {
      if (!old) return old;
      if (isPages(old)) {
        const pages = applyToBuildPages(old.pages, sighting);
        return pages === old.pages ? old : { ...old, pages };
      }
      return applyToBuildDetail(old, sighting);
    });
    for (const [key, data] of client.getQueriesData<StageMatrix>({ queryKey: ['capstan', 'stages', ...coordinates] })) {
      const limit = (key[5] as { limit?: number } | undefined)?.limit ?? 20;
      if (data) client.setQueryData<StageMatrix>(key, applyToStageMatrix(data, sighting, limit));
    }
    client.setQueryData<JobDetail>(['capstan', 'job', ...coordinates], (old) => (old ? applyToJobSummary(old, sighting) : old));
  }
  if (statistics) {
    for (const kind of ['job', 'stages', 'trends']) void client.invalidateQueries({ queryKey: ['capstan', kind, ...coordinates] });
  }
}

/** The label selector of a job's numbered builds. */
function jobSelector(job: JobRef): string {
  return `${jobLabels[job.kind]}=${job.name},${buildNumberLabel}`;
}

/**
 * Keeps a job's page (header, stage view, history, trends) and its build pages current from the watch of its builds.
 * Cluster templates' builds run in any namespace: their watch covers all of them.
 */
export function useJobWatch(baseHref: string, job: JobRef): StreamState {
  const client = useQueryClient();
  const url = workflowEventsUrl(baseHref, job.namespace, { labelSelector: jobSelector(job) });
  return useBatchedEventStream<WorkflowEvent>(url, (events) => {
    const sightings = sightingsOf(events).filter((s) => sameJob(s.job, job));
    if (sightings.length) applyToJob(client, job, sightings);
  });
}

/**
 * Keeps the jobs list current: each row's last build follows its builds as they start and finish; the list (weather,
 * last success and failure) is refetched when one completes or starts. `namespace` '' watches every namespace;
 * undefined waits (until the list says which).
 */
export function useJobListWatch(baseHref: string, namespace: string | undefined, listKey: QueryKey): StreamState {
  const client = useQueryClient();
  // A busy cluster finishes builds every second: refetch the list (a read of every job) at most once a second.
  const refetch = useRef<{ timer?: ReturnType<typeof setTimeout>; key: QueryKey }>({ key: listKey });
  refetch.current.key = listKey;
  useEffect(() => () => clearTimeout(refetch.current.timer), []);
  const refetchSoon = () => {
    if (refetch.current.timer) return;
    refetch.current.timer = setTimeout(() => {
      refetch.current.timer = undefined;
      void client.invalidateQueries({ queryKey: refetch.current.key });
    }, 1_000);
  };
  const url = namespace === undefined ? undefined
    : `${workflowEventsUrl(baseHref, namespace, { labelSelector: buildNumberLabel })}&fields=${encodeURIComponent(summaryFields)}`;
  return useBatchedEventStream<WorkflowEvent>(url, (events) => {
    const sightings = sightingsOf(events);
    if (!sightings.length) return;
    const list = client.getQueryData<JobList>(listKey);
    if (!list) return;
    let next = list;
    let statistics = false;
    for (const sighting of sightings) {
      const row = (next.items ?? []).find((j) => sameJob(j, sighting.job));
      if (!row) continue;
      const last = row.lastBuild;
      statistics ||= last?.number === sighting.build.number ? changesStatistics(last, last.number, sighting) : changesStatistics(undefined, last?.number ?? 0, sighting);
      next = applyToJobList(next, sighting);
    }
    if (next !== list) client.setQueryData<JobList>(listKey, next);
    if (statistics) refetchSoon();
  });
}
