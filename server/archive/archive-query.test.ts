import { expect, it } from 'vitest';
import { parseArchiveListParams } from './archive-filter';
import { buildArchiveWhere, buildListQuery } from './archive-query';

const scope = { clusterName: 'default', instanceId: '' };

it('scopes every query to the cluster and instance', () => {
  expect(buildArchiveWhere(scope, {})).toEqual({ sql: 'clustername = $1 and instanceid = $2', params: ['default', ''] });
});

it('turns filters into parameterised clauses in Argo order', () => {
  const filter = parseArchiveListParams({
    namespace: 'argo', namePrefix: 'build-', fieldSelector: 'metadata.name!=x,spec.startedAt>2024-01-01T00:00:00Z',
    createdAfter: '2024-02-01T00:00:00+01:00', finishedBefore: '2024-03-01T00:00:00Z',
  });
  expect(buildArchiveWhere(scope, filter)).toEqual({
    sql: 'clustername = $1 and instanceid = $2 and namespace = $3 and name like $4 and startedat >= $5 and creationtimestamp >= $6'
      + ' and finishedat <= $7 and name != $8',
    // Times go in as UTC wall-clock time, as Argo writes them into `timestamp` columns.
    params: ['default', '', 'argo', 'build-%', '2024-01-01 00:00:00.000', '2024-01-31 23:00:00.000', '2024-03-01 00:00:00.000', 'x'],
  });
});

it('matches names as nameFilter says', () => {
  const sql = (nameFilter: string) => buildArchiveWhere(scope, { name: 'ab', nameFilter });
  expect(sql('Exact').sql).toContain('name = $3');
  expect(sql('').params[2]).toBe('ab');
  expect(sql('Prefix').params[2]).toBe('ab%');
  expect(sql('Contains').params[2]).toBe('%ab%');
  expect(sql('NotEquals').sql).toContain('name != $3');
});

it('makes each label requirement an exists over the labels table, values as parameters', () => {
  const { sql, params } = buildArchiveWhere(scope, parseArchiveListParams({ labelSelector: "a=1,b!=2,c in (x,y),!d,e,f>3,g notin (z),h<0" }));
  const row = (n: number) => `(select 1 from argo_archived_workflows_labels where clustername = argo_archived_workflows.clustername and uid = argo_archived_workflows.uid and name = $${n}`;
  expect(sql).toContain(`exists ${row(3)} and value = $4)`);
  expect(sql).toContain(`not exists ${row(5)} and value = $6)`);
  expect(sql).toContain(`exists ${row(7)} and value in ($8, $9))`);
  expect(sql).toContain(`not exists ${row(10)})`);
  expect(sql).toContain(`exists ${row(11)})`);
  expect(sql).toContain(`exists ${row(12)} and cast(value as int) > $13)`);
  expect(sql).toContain(`not exists ${row(14)} and value in ($15))`);
  expect(sql).toContain(`exists ${row(16)} and cast(value as int) < $17)`);
  expect(params.slice(2)).toEqual(['a', '1', 'b', '2', 'c', 'x', 'y', 'd', 'e', 'f', 3, 'g', 'z', 'h', 0]);
});

it('pages only when a limit is given', () => {
  expect(buildListQuery(scope, {}, { limit: 0, offset: 0 }).sql).not.toContain('limit');
  const paged = buildListQuery(scope, { namespace: 'argo' }, { limit: 11, offset: 20 });
  expect(paged.sql).toContain('order by startedat desc limit $4 offset $5');
  expect(paged.params).toEqual(['default', '', 'argo', 11, 20]);
});
