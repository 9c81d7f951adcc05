import type { SqlClient } from '../cluster/sql-client';

/** One step of Argo's schema migration: a statement, or a function for the one step that is code. */
export type MigrationStep = string | ((tx: SqlClient) => Promise<void>);

/**
 * Argo's persistence migrations for PostgreSQL (`persist/sqldb/migrate.go`, v4.1.2), in Argo's order: the index
 * of a step is its `schema_history.schema_version`, so a database either side migrated can be continued by the
 * other. Argo v3.7.9 knows steps 0–66; 67 and 68 (the `startedat DESC` index) came with v4. `tableName` is
 * `persistence.postgresql.tableName` (node status offload), `clusterName` `persistence.clusterName`.
 * The statements are Argo's, character for character where it matters (names of tables, columns, indexes).
 */
export function argoMigrations(clusterName: string, tableName: string): MigrationStep[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableName)) throw new Error(`persistence.postgresql.tableName "${tableName}" is not a plain SQL name`);
  const t = tableName;
  const c = clusterName.replaceAll("'", "''");
  return [
    /* 0 */ `create table if not exists ${t} (
    id varchar(128) ,
    name varchar(256),
    phase varchar(25),
    namespace varchar(256),
    workflow text,
    startedat timestamp default CURRENT_TIMESTAMP,
    finishedat timestamp default CURRENT_TIMESTAMP,
    creationtimestamp timestamp default CURRENT_TIMESTAMP,
    primary key (id, namespace)
)`,
    /* 1 */ `create unique index idx_name on ${t} (name)`,
    /* 2 */ `create table if not exists argo_workflow_history (
    id varchar(128) ,
    name varchar(256),
    phase varchar(25),
    namespace varchar(256),
    workflow text,
    startedat timestamp default CURRENT_TIMESTAMP,
    finishedat timestamp default CURRENT_TIMESTAMP,
    primary key (id, namespace)
)`,
    /* 3 */ `alter table argo_workflow_history rename to argo_archived_workflows`,
    /* 4 */ `drop index idx_name`,
    /* 5 */ `create unique index idx_name on ${t}(name, namespace)`,
    /* 6 */ `alter table ${t} drop constraint ${t}_pkey`,
    /* 7 */ `alter table ${t} add primary key(name,namespace)`,
    /* 8 */ `alter table argo_archived_workflows drop constraint argo_workflow_history_pkey`,
    /* 9 */ `alter table argo_archived_workflows add primary key(id)`,
    /* 10 */ `alter table argo_archived_workflows rename column id to uid`,
    /* 11 */ `alter table argo_archived_workflows alter column uid set not null`,
    /* 12 */ `alter table argo_archived_workflows alter column phase set not null`,
    /* 13 */ `alter table argo_archived_workflows alter column namespace set not null`,
    /* 14 */ `alter table argo_archived_workflows alter column workflow set not null`,
    /* 15 */ `alter table argo_archived_workflows alter column startedat set not null`,
    /* 16 */ `alter table argo_archived_workflows alter column finishedat set not null`,
    /* 17 */ `alter table argo_archived_workflows add clustername varchar(64)`,
    /* 18 */ `update argo_archived_workflows set clustername = '${c}' where clustername is null`,
    /* 19 */ `alter table argo_archived_workflows alter column clustername set not null`,
    /* 20 */ `alter table argo_archived_workflows drop constraint argo_archived_workflows_pkey`,
    /* 21 */ `alter table argo_archived_workflows add primary key(clustername,uid)`,
    /* 22 */ `create index argo_archived_workflows_i1 on argo_archived_workflows (clustername,namespace)`,
    /* 23 */ `alter table ${t} drop column phase`,
    /* 24 */ `alter table ${t} drop column startedat`,
    /* 25 */ `alter table ${t} drop column finishedat`,
    /* 26 */ `alter table ${t} rename column id to uid`,
    /* 27 */ `alter table ${t} alter column uid set not null`,
    /* 28 */ `alter table ${t} alter column namespace set not null`,
    /* 29 */ `alter table ${t} add column clustername varchar(64)`,
    /* 30 */ `update ${t} set clustername = '${c}' where clustername is null`,
    /* 31 */ `alter table ${t} alter column clustername set not null`,
    /* 32 */ `alter table ${t} add column version varchar(64)`,
    /* 33 */ `alter table ${t} add column nodes text`,
    /* 34 */ (tx) => backfillNodes(tx, t),
    /* 35 */ `alter table ${t} alter column nodes set not null`,
    /* 36 */ `alter table ${t} drop column workflow`,
    /* 37 */ `alter table ${t} add column updatedat timestamp not null default current_timestamp`,
    /* 38 */ `alter table ${t} drop constraint ${t}_pkey`,
    /* 39 */ `drop index idx_name`,
    /* 40 */ `alter table ${t} drop column name`,
    /* 41 */ `alter table ${t} add primary key(clustername,uid,version)`,
    /* 42 */ `create index ${t}_i1 on ${t} (clustername,namespace)`,
    /* 43 */ `alter table argo_archived_workflows alter column workflow type json using workflow::json`,
    /* 44 */ `alter table argo_archived_workflows alter column name set not null`,
    /* 45 */ `create index ${t}_i2 on ${t} (clustername,namespace,updatedat)`,
    /* 46 */ `create table if not exists argo_archived_workflows_labels (
	clustername varchar(64) not null,
	uid varchar(128) not null,
    name varchar(317) not null,
    value varchar(63) not null,
    primary key (clustername, uid, name),
 	foreign key (clustername, uid) references argo_archived_workflows(clustername, uid) on delete cascade
)`,
    /* 47 */ `alter table ${t} alter column nodes type json using nodes::json`,
    /* 48 */ `alter table argo_archived_workflows add column instanceid varchar(64)`,
    /* 49 */ `update argo_archived_workflows set instanceid = '' where instanceid is null`,
    /* 50 */ `alter table argo_archived_workflows alter column instanceid set not null`,
    /* 51 */ `drop index argo_archived_workflows_i1`,
    /* 52 */ `create index argo_archived_workflows_i1 on argo_archived_workflows (clustername,instanceid,namespace)`,
    /* 53 */ `drop index ${t}_i1`,
    /* 54 */ `drop index ${t}_i2`,
    /* 55 */ `create index ${t}_i1 on ${t} (clustername,namespace,updatedat)`,
    /* 56 */ `create index argo_archived_workflows_i2 on argo_archived_workflows (clustername,instanceid,finishedat)`,
    /* 57 */ `create index argo_archived_workflows_i3 on argo_archived_workflows (clustername,instanceid,name)`,
    /* 58 */ `create index argo_archived_workflows_i4 on argo_archived_workflows (startedat)`,
    /* 59 */ `create index argo_archived_workflows_labels_i1 on argo_archived_workflows_labels (name,value)`,
    /* 60 */ `alter table argo_archived_workflows alter column workflow set data type jsonb using workflow::jsonb`,
    /* 61 */ `drop index argo_archived_workflows_i4`,
    /* 62 */ `create index argo_archived_workflows_i4 on argo_archived_workflows (clustername, startedat)`,
    /* 63 */ `alter table argo_archived_workflows add column creationtimestamp timestamp null`,
    /* 64 */ `update argo_archived_workflows set creationtimestamp = startedat where creationtimestamp is null`,
    /* 65 */ `alter table argo_archived_workflows alter column creationtimestamp set default CURRENT_TIMESTAMP`,
    /* 66 */ `create index argo_archived_workflows_i5 on argo_archived_workflows (creationtimestamp)`,
    /* 67 */ `drop index argo_archived_workflows_i1`,
    /* 68 */ `create index argo_archived_workflows_i1 on argo_archived_workflows (clustername, instanceid, namespace, startedat DESC)`,
  ];
}

/**
 * Step 34 (`backfillNodes`): offloaded rows from before node status had its own column get their nodes and version
 * from the workflow JSON. Only databases from Argo 2.4 have such rows. (Argo's own step writes the archive table
 * by mistake; this writes the offload table, where the columns exist.)
 */
async function backfillNodes(tx: SqlClient, table: string): Promise<void> {
  const { rows } = await tx.query<{ workflow: string }>(`select workflow from ${table} where version is null`);
  for (const row of rows) {
    const wf = JSON.parse(row.workflow) as { metadata?: { name?: string; namespace?: string; resourceVersion?: string }; status?: { nodes?: unknown } };
    await tx.query(`update ${table} set version = $1, nodes = $2 where name = $3 and namespace = $4`, [
      wf.metadata?.resourceVersion ?? '', JSON.stringify(wf.status?.nodes ?? {}), wf.metadata?.name ?? '', wf.metadata?.namespace ?? '',
    ]);
  }
}
