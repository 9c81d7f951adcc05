import type { ArchiveFilter, ArchiveLabelRequirement } from './archive-filter';

export const archiveTable = 'argo_archived_workflows';
export const labelsTable = 'argo_archived_workflows_labels';

/** Whose rows a query sees: Argo's `clusterManagedNamespaceAndInstanceID`. */
export interface ArchiveScope {
  clusterName: string;
  instanceId: string;
}

/** A SQL fragment and its parameters, numbered from `$1`. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** A timestamp for a `timestamp` (without time zone) column: Argo writes UTC wall-clock time. */
export function toSqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * The WHERE clause of Argo's archive queries (`BuildArchivedWorkflowSelector` and `labelsClause`): cluster and
 * instance, namespace, name, prefix, start and creation times, and each label requirement as an `exists` over
 * the labels table. Argo pastes values into the SQL; here every value is a parameter.
 */
export function buildArchiveWhere(scope: ArchiveScope, filter: ArchiveFilter): SqlFragment {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [`clustername = ${p(scope.clusterName)}`, `instanceid = ${p(scope.instanceId)}`];
  if (filter.namespace) clauses.push(`namespace ${filter.namespaceNotEquals ? '!=' : '='} ${p(filter.namespace)}`);
  if (filter.namePrefix) clauses.push(`name like ${p(`${filter.namePrefix}%`)}`);
  if (filter.minStartedAt) clauses.push(`startedat >= ${p(toSqlTimestamp(filter.minStartedAt))}`);
  if (filter.maxStartedAt) clauses.push(`startedat <= ${p(toSqlTimestamp(filter.maxStartedAt))}`);
  if (filter.createdAfter) clauses.push(`creationtimestamp >= ${p(toSqlTimestamp(filter.createdAfter))}`);
  if (filter.finishedBefore) clauses.push(`finishedat <= ${p(toSqlTimestamp(filter.finishedBefore))}`);
  if (filter.name) {
    const byFilter: Record<string, () => string> = {
      Exact: () => `name = ${p(filter.name)}`,
      Contains: () => `name like ${p(`%${filter.name}%`)}`,
      Prefix: () => `name like ${p(`${filter.name}%`)}`,
      NotEquals: () => `name != ${p(filter.name)}`,
    };
    const clause = byFilter[filter.nameFilter || 'Exact'];
    if (clause) clauses.push(clause());
  }
  for (const requirement of filter.labels ?? []) clauses.push(labelCondition(requirement, p));
  return { sql: clauses.join(' and '), params };
}

function labelCondition(r: ArchiveLabelRequirement, p: (value: unknown) => string): string {
  const key = p(r.key);
  const row = (extra: string) =>
    `(select 1 from ${labelsTable} where clustername = ${archiveTable}.clustername and uid = ${archiveTable}.uid and name = ${key}${extra})`;
  const values = () => r.values.map((v) => p(v)).join(', ');
  switch (r.operator) {
    case 'exists': return `exists ${row('')}`;
    case '!': return `not exists ${row('')}`;
    case '=': return `exists ${row(` and value = ${p(r.values[0])}`)}`;
    case '!=': return `not exists ${row(` and value = ${p(r.values[0])}`)}`;
    case 'in': return `exists ${row(` and value in (${values()})`)}`;
    case 'notin': return `not exists ${row(` and value in (${values()})`)}`;
    case 'gt': return `exists ${row(` and cast(value as int) > ${p(Number(r.values[0]))}`)}`;
    case 'lt': return `exists ${row(` and cast(value as int) < ${p(Number(r.values[0]))}`)}`;
  }
}

/** A timestamp column as Kubernetes writes times (`2006-01-02T15:04:05Z`), so no driver converts time zones. */
export const kubeTimeSql = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * Argo's PostgreSQL list query: newest started first, paged by limit and offset, with only the columns and JSON
 * parts a list shows (the CTE keeps PostgreSQL from detoasting whole workflows).
 */
export function buildListQuery(scope: ArchiveScope, filter: ArchiveFilter, page: { limit: number; offset: number }): SqlFragment {
  const where = buildArchiveWhere(scope, filter);
  const params = [...where.params];
  let paging = '';
  if (page.limit > 0) {
    params.push(page.limit, page.offset);
    paging = ` limit $${params.length - 1} offset $${params.length}`;
  }
  const sql = `with workflows as (
  select name, namespace, uid, phase, startedat, finishedat, creationtimestamp,
    coalesce(workflow->'metadata', '{}') as metadata, coalesce(workflow->'status', '{}') as status,
    workflow->'spec'->>'suspend' as suspend, coalesce(workflow->'spec'->'arguments', '{}') as arguments
  from ${archiveTable} where ${where.sql} order by startedat desc${paging})
select name, namespace, uid, phase, ${kubeTimeSql('startedat')} as startedat, ${kubeTimeSql('finishedat')} as finishedat,
  ${kubeTimeSql('creationtimestamp')} as creationtimestamp,
  coalesce(metadata->>'labels', '{}') as labels, coalesce(metadata->>'annotations', '{}') as annotations,
  coalesce(status->>'progress', '') as progress, suspend, coalesce(arguments::text, '{}') as arguments,
  coalesce(status->>'message', '') as message, coalesce(status->>'estimatedDuration', '0') as estimatedduration,
  coalesce(status->>'resourcesDuration', '{}') as resourcesduration
from workflows order by workflows.startedat desc`;
  return { sql, params };
}
