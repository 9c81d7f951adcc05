import type { SqlClient } from '../cluster/sql-client';
import type { MigrationStep } from './argo-migrations';
import type { SqlSession } from './sql-session';

const versionTable = 'schema_history';

/**
 * Argo's "poor man's migration" (`util/sqldb/migrate.go`), step for step: `schema_history` holds one row, the last
 * applied step; each step runs in its own transaction that first moves the row from `i-1` to `i` and applies the
 * step only when that update hit the row. So a database Argo's controller migrated continues where it stopped,
 * running it again is a no-op, and two migrators at once (Capstan and Argo) never apply a step twice: the second
 * one's update waits for the first's row lock and then matches nothing. Returns the schema version reached.
 */
export async function migrate(session: SqlSession, steps: MigrationStep[]): Promise<number> {
  await session.query(`create table if not exists ${versionTable}(schema_version int not null, primary key(schema_version))`);
  const { rows: keys } = await session.query(
    `select 1 from information_schema.table_constraints where constraint_type = 'PRIMARY KEY' and table_name = '${versionTable}' and table_catalog = current_database()`,
  );
  if (!keys.length) await session.query(`alter table ${versionTable} add primary key(schema_version)`);
  const { rows: versions } = await session.query(`select schema_version from ${versionTable}`);
  if (!versions.length) await session.query(`insert into ${versionTable} values(-1)`);

  for (const [version, step] of steps.entries()) {
    await session.transaction(async (tx) => {
      const { rows } = await tx.query(
        `update ${versionTable} set schema_version = $1 where schema_version = $2 returning schema_version`,
        [version, version - 1],
      );
      if (rows.length === 1) await apply(tx, step);
    });
  }
  const { rows } = await session.query<{ schema_version: number }>(`select schema_version from ${versionTable}`);
  return Number(rows[0]?.schema_version ?? -1);
}

function apply(tx: SqlClient, step: MigrationStep): Promise<unknown> {
  return typeof step === 'string' ? tx.query(step) : step(tx);
}
