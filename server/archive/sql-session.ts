import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SqlClient } from '../cluster/sql-client';

/** A SQL client that can also run a function in one transaction (Argo applies each migration step in its own). */
export interface SqlSession extends SqlClient {
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Runs statements separated by `;`, without parameters (values are literals: see `sqlLiteral`), in one round trip
   * as one implicit transaction: all of them or, on an error, none (PostgreSQL's simple query protocol).
   */
  script(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The last statement (or transaction) queued on each PGlite database, settled or not. */
const queueTails = new WeakMap<PGlite, Promise<unknown>>();

/**
 * Runs `work` on `db` after everything queued before it, and only after the event loop has had a turn. PGlite runs
 * SQL in this thread and hands its connection from one waiting statement to the next in microtasks, so a burst of
 * statements (1,000 workflows finishing and being archived) kept the event loop from reading a single request or
 * firing a timer until the last one was done: measured, 2,000 queued statements took 1.7–4.6 s with no timer
 * firing at all. With a turn between statements the same burst takes as long and nothing waits more than ~15 ms.
 */
function inTurn<T>(db: PGlite, work: () => Promise<T>): Promise<T> {
  const result = (queueTails.get(db) ?? Promise.resolve()).then(() => new Promise((resolve) => setImmediate(resolve))).then(work);
  queueTails.set(db, result.catch(() => undefined));
  return result;
}

/**
 * Embedded mode's PGlite: one connection, whose `transaction` holds it for the whole function. Every session of
 * one database shares its turn queue (the store, the archive and the build history live in the same database).
 */
export function pgliteSession(db: PGlite): SqlSession {
  return {
    query: (sql, params) => inTurn(db, () => db.query(sql, params)) as never,
    // Statements inside the transaction run directly: the transaction already holds the connection and its turn.
    transaction: (work) => inTurn(db, () => db.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params) as never }))),
    script: async (sql) => {
      await inTurn(db, () => db.exec(sql));
    },
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
    // Without parameters node-postgres sends a simple query: several statements, one implicit transaction.
    script: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** A value as an SQL literal for `script` (PostgreSQL's quoting, backslashes included); null for null or undefined. */
export function sqlLiteral(value: string | null | undefined): string {
  return value === null || value === undefined ? 'null' : pg.escapeLiteral(value);
}
