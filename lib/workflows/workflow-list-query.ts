import { invalidArgument } from '../api-error';
import type { ObjectSummary } from '../k8s/object-summary';

/** The raw query of `GET /api/v1/workflows/{namespace}` that argo-server filters on itself. */
export interface WorkflowListParams {
  namespace: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  /** How `metadata.name` in the field selector matches: Exact (default), Prefix, Contains or NotEquals. */
  nameFilter?: string;
  createdAfter?: string;
  finishedBefore?: string;
}

/** A parsed workflow list query, as argo-server's `BuildListOptions`. */
export interface WorkflowListQuery {
  namespace: string;
  namespaceNotEquals: boolean;
  name: string;
  nameFilter: string;
  createdAfter?: Date;
  finishedBefore?: Date;
  minStartedAt?: Date;
  maxStartedAt?: Date;
  limit: number;
  offset: number;
}

function parseTime(text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) || Number.isNaN(date.getTime())) {
    throw invalidArgument(`parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  return date;
}

/** Parses the query; field selectors other than name, namespace and startedAt are refused as in Argo. */
export function parseWorkflowListQuery(params: WorkflowListParams): WorkflowListQuery {
  const offset = Number(params.continue || '0');
  if (!Number.isInteger(offset)) throw invalidArgument('listOptions.continue must be int');
  if (offset < 0) throw invalidArgument('listOptions.continue must >= 0');
  const query: WorkflowListQuery = {
    namespace: params.namespace, namespaceNotEquals: false, name: '', nameFilter: params.nameFilter ?? '', limit: params.limit ?? 0, offset,
    ...(params.createdAfter ? { createdAfter: parseTime(params.createdAfter) } : {}),
    ...(params.finishedBefore ? { finishedBefore: parseTime(params.finishedBefore) } : {}),
  };
  const selectNamespace = (value: string) => {
    if (query.namespace && query.namespace !== value) {
      throw invalidArgument(
        `'namespace' query param ("${query.namespace}") and fieldselector 'metadata.namespace' ("${value}") are both specified and contradict each other`,
      );
    }
    query.namespace = value;
  };
  for (const selector of (params.fieldSelector ?? '').split(',')) {
    const take = (prefix: string) => (selector.startsWith(prefix) ? selector.slice(prefix.length) : undefined);
    let value: string | undefined;
    if (selector === '' || selector.startsWith('ext.showRemainingItemCount')) continue;
    if ((value = take('metadata.namespace!=')) !== undefined) {
      query.namespace = value;
      query.namespaceNotEquals = true;
    } else if ((value = take('metadata.namespace==') ?? take('metadata.namespace=')) !== undefined) selectNamespace(value);
    else if ((value = take('metadata.name!=')) !== undefined) {
      query.name = value;
      query.nameFilter = 'NotEquals';
    } else if ((value = take('metadata.name==') ?? take('metadata.name=')) !== undefined) query.name = value;
    else if ((value = take('spec.startedAt>')) !== undefined) query.minStartedAt = parseTime(value);
    else if ((value = take('spec.startedAt<')) !== undefined) query.maxStartedAt = parseTime(value);
    else throw invalidArgument(`unsupported requirement ${selector}`);
  }
  return query;
}

const time = (text: string | undefined) => (text ? Date.parse(text) : 0);

function matches(workflow: ObjectSummary, query: WorkflowListQuery): boolean {
  const { name = '', namespace = '', creationTimestamp } = workflow.metadata;
  if (query.namespace && (namespace === query.namespace) === query.namespaceNotEquals) return false;
  if (query.name) {
    const ok = { Contains: name.includes(query.name), Prefix: name.startsWith(query.name), NotEquals: name !== query.name }[query.nameFilter];
    if (!(ok ?? name === query.name)) return false;
  }
  const startedAt = time(workflow.status?.startedAt);
  if (query.createdAfter && time(creationTimestamp) < query.createdAfter.getTime()) return false;
  if (query.finishedBefore && time(workflow.status?.finishedAt) > query.finishedBefore.getTime()) return false;
  if (query.minStartedAt && startedAt < query.minStartedAt.getTime()) return false;
  if (query.maxStartedAt && startedAt > query.maxStartedAt.getTime()) return false;
  return true;
}

/** Argo's order within a page (`Workflows.Less`): unfinished first, newest created first; then latest finished first. */
export function compareWorkflows(a: ObjectSummary, b: ObjectSummary): number {
  const aFinish = time(a.status?.finishedAt);
  const bFinish = time(b.status?.finishedAt);
  if (!aFinish && !bFinish) return time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
  if (!aFinish) return -1;
  if (!bFinish) return 1;
  return bFinish - aFinish;
}

/** How many workflows the query matches, without ordering them. */
export function countMatching(workflows: ObjectSummary[], query: WorkflowListQuery): number {
  let count = 0;
  for (const w of workflows) if (matches(w, query)) count++;
  return count;
}

/**
 * One page of workflows, as argo-server's workflow store: filtered, ordered by start time (newest first), cut at
 * `offset`/`limit`; `continue` is the next offset when more follow. The page itself is then sorted by `compareWorkflows`.
 * Reads only what a summary has (a cache's summaries come back as given, so only the page need be parsed).
 */
export function selectWorkflowPage<W extends ObjectSummary>(workflows: W[], query: WorkflowListQuery): { items: W[]; continue?: string } {
  // Each start time parsed once, not in every comparison: a namespace may hold tens of thousands of workflows.
  const matching = workflows.filter((w) => matches(w, query)).map((w) => ({ w, started: time(w.status?.startedAt) }))
    .sort((a, b) => b.started - a.started);
  const end = query.limit > 0 ? query.offset + query.limit : matching.length;
  const items = matching.slice(query.offset, end).map(({ w }) => w).sort(compareWorkflows);
  return { items, ...(end < matching.length ? { continue: String(end) } : {}) };
}
