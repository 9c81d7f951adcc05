import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { SqlClient } from '../cluster/sql-client';

/** A SQL client that can also run a function in one transaction (Argo applies each migration step in its own). */
export interface SqlSession extends SqlClient {
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Embedded mode's PGlite: one connection, whose `transaction` holds it for the whole function. */
export function pgliteSession(db: PGlite): SqlSession {
  return {
    query: (sql, params) => db.query(sql, params) as never,
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params) as never })),
    // The embedded store owns the database and closes it.
    close: async () => {},
  };
}

/** A node-postgres pool: a transaction takes one connection from the pool for its statements. */
export function pgPoolSession(pool: pg.Pool): SqlSession {
  return {
    query: (sql, params) => pool.query(sql, params) as never,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => client.query(sql, params) as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
