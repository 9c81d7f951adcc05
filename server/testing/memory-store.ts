import { PGlite } from '@electric-sql/pglite';
import { pgliteSession } from '../archive/sql-session';
import { SqlResourceStore } from '../cluster/sql-resource-store';

/** Embedded mode's resource store on an in-memory PGlite (the same SQL as on disk); closing it closes the database. */
export async function openMemoryStore(): Promise<SqlResourceStore> {
  const db = new PGlite();
  return SqlResourceStore.open(pgliteSession(db), () => db.close());
}
