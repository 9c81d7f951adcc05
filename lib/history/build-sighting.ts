import { isCompleted } from '../engine/phases';
import type { Workflow } from '../generated/argo';
import type { KubeObject } from '../k8s/object';
import { workflowFacts } from './build-facts';
import { type BuildJson, type BuildLink, toBuildJson } from './build-record';
import { type JobRef, buildNumberOf, jobOfWorkflow } from './job-ref';
import { type StageRun, stagesOfNodes } from './stages';
import { decideTrigger, readTrigger } from './trigger';

// Watch events of numbered workflows, applied to the build history pages' cached answers, so they change as builds
// start, progress and finish without polling. Every function returns its input unchanged (same object) when the
// event changes nothing, so React Query does not re-render.

/** What one watch event of a numbered workflow says about its build. */
export interface BuildSighting {
  job: JobRef;
  build: BuildJson;
  /** The top-level stages from `status.nodes`; undefined when the event carried no nodes (a projected stream). */
  stages: StageRun[] | undefined;
}

/** The build a workflow watch event shows, or undefined when the workflow has no job or no number yet. */
export function sightingOf(type: string, workflow: Workflow & KubeObject, now: Date): BuildSighting | undefined {
  const job = jobOfWorkflow(workflow);
  const number = buildNumberOf(workflow);
  if (!job || number === undefined) return undefined;
  const facts = workflowFacts(workflow);
  const trigger = readTrigger(workflow) ?? decideTrigger(workflow);
  const build = toBuildJson({ ...facts, job, number, trigger, live: type !== 'DELETED', archived: false }, now);
  const nodes = workflow.status?.nodes;
  return { job, build, stages: nodes ? stagesOfNodes(facts.workflowName, nodes) : undefined };
}

/** Whether two references to a build show the same thing. */
function sameLink(a: BuildLink, b: BuildLink): boolean {
  return a.number === b.number && a.phase === b.phase && a.startedAt === b.startedAt && a.finishedAt === b.finishedAt && a.durationSeconds === b.durationSeconds;
}

const linkOf = (build: BuildLink): BuildLink => ({
  number: build.number, phase: build.phase, startedAt: build.startedAt, finishedAt: build.finishedAt, durationSeconds: build.durationSeconds,
});

/** What the sighting changes in a build the page holds: phase, times, message and whether it is live. */
function patchBuild<B extends BuildJson>(held: B, seen: BuildJson): B {
  if (sameLink(held, seen) && held.message === seen.message && held.live === seen.live) return held;
  const next: B = { ...held, ...linkOf(seen), live: seen.live };
  if (seen.message) next.message = seen.message;
  else delete next.message;
  return next;
}

/** Whether the sighting shows a build the cached pages do not have, newer than all of them (a new build). */
export function isNewBuild(pages: { items: BuildJson[] | null }[] | undefined, number: number): boolean {
  const newest = pages?.[0]?.items?.[0]?.number ?? 0;
  return number > newest;
}

/**
 * The build history's pages (newest first) after a sighting: a build they hold is patched; a build newer than all
 * of them goes on top of the first page; an older unknown one (not loaded yet) changes nothing.
 */
export function applyToBuildPages<P extends { items: BuildJson[] | null }>(pages: P[], sighting: BuildSighting): P[] {
  const { build } = sighting;
  for (const [p, page] of pages.entries()) {
    const items = page.items ?? [];
    const i = items.findIndex((b) => b.number === build.number);
    if (i < 0) continue;
    const patched = patchBuild(items[i]!, build);
    if (patched === items[i]) return pages;
    const next = [...pages];
    next[p] = { ...page, items: items.map((b, j) => (j === i ? patched : b)) };
    return next;
  }
  if (!isNewBuild(pages, build.number) || build.live === false) return pages;
  const [first, ...rest] = pages;
  if (!first) return pages;
  return [{ ...first, items: [build, ...(first.items ?? [])] }, ...rest];
}

/** One build's detail (the build page) after a sighting of the same build. */
export function applyToBuildDetail<B extends BuildJson>(detail: B, sighting: BuildSighting): B {
  return detail.number === sighting.build.number ? patchBuild(detail, sighting.build) : detail;
}

type Cell = Omit<StageRun, 'name'>;
interface MatrixRow extends BuildLink { cells: (Cell | null)[] }

/** A build's cells in the stage view's columns, from its stages. */
function cellsOf(columns: { name: string }[], stages: StageRun[]): (Cell | null)[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  return columns.map((column) => {
    const stage = byName.get(column.name);
    return stage ? { phase: stage.phase, startedAt: stage.startedAt, durationSeconds: stage.durationSeconds } : null;
  });
}

const sameCells = (a: (Cell | null)[], b: (Cell | null)[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stage view after a sighting: the build's row gets its phase and, when the event carried nodes, its cells; a
 * new build goes on top (the oldest row leaves when the view is full). Columns and averages are the server's: a
 * refetch when a build completes brings those.
 */
export function applyToStageMatrix<M extends { stages: { name: string }[]; builds: MatrixRow[] }>(matrix: M, sighting: BuildSighting, limit: number): M {
  const { build, stages } = sighting;
  const i = matrix.builds.findIndex((b) => b.number === build.number);
  if (i >= 0) {
    const held = matrix.builds[i]!;
    const cells = stages ? cellsOf(matrix.stages, stages) : held.cells;
    if (sameLink(held, build) && sameCells(held.cells, cells)) return matrix;
    return { ...matrix, builds: matrix.builds.map((b, j) => (j === i ? { ...linkOf(build), cells } : b)) };
  }
  const newest = matrix.builds[0]?.number ?? 0;
  if (build.number <= newest || !build.live) return matrix;
  const row = { ...linkOf(build), cells: cellsOf(matrix.stages, stages ?? []) };
  return { ...matrix, builds: [row, ...matrix.builds].slice(0, limit) };
}

/** A job's summary (the job page's header, a row of the jobs list) after a sighting of one of its builds. */
export function applyToJobSummary<S extends { lastBuild?: BuildLink; nextNumber: number }>(summary: S, sighting: BuildSighting): S {
  const { build } = sighting;
  const last = summary.lastBuild;
  if (last && (build.number < last.number || sameLink(last, build))) return summary;
  return { ...summary, lastBuild: linkOf(build), nextNumber: Math.max(summary.nextNumber, build.number + 1) };
}

/** The jobs list after a sighting: the row of the build's job, when listed, gets its last build. */
export function applyToJobList<L extends { items: (JobRef & { lastBuild?: BuildLink; nextNumber: number })[] | null }>(list: L, sighting: BuildSighting): L {
  const items = list.items ?? [];
  const { kind, namespace, name } = sighting.job;
  const i = items.findIndex((j) => j.kind === kind && j.name === name && j.namespace === namespace);
  if (i < 0) return list;
  const patched = applyToJobSummary(items[i]!, sighting);
  if (patched === items[i]) return list;
  return { ...list, items: items.map((j, k) => (k === i ? patched : j)) };
}

/**
 * Whether the server's statistics (weather, averages, trends, last success or failure) change with this sighting:
 * a build the page holds that completed since, or a build newer than the newest it holds. Older builds it does not
 * hold (a page not loaded) do not count, so reconnecting a stream, which replays every live workflow, refetches nothing.
 */
export function changesStatistics(known: BuildLink | undefined, newestHeld: number, sighting: BuildSighting): boolean {
  if (known) return isCompleted(sighting.build.phase) && !isCompleted(known.phase);
  return sighting.build.number > newestHeld;
}
