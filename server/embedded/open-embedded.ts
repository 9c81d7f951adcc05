import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteSession } from '../archive/sql-session';
import { SqlResourceStore } from '../cluster/sql-resource-store';
import type { Logger } from '../logger';
import { openPglite } from './open-pglite';
import { seedSamples } from './seed-samples';

/**
 * Opens (or creates) embedded mode's database under the data directory. `withDatabase` gets the open database for
 * what else lives in it (the workflow archive).
 */
export async function openEmbedded(
  dataDir: string, namespace: string, withSamples: boolean, logger: Logger, withDatabase?: (db: PGlite) => Promise<void>,
) {
  const dbDir = join(dataDir, 'db');
  const started = Date.now();
  const db = await openPglite(dbDir);
  const store = await SqlResourceStore.open(pgliteSession(db), () => db.close());
  logger.info({ dbDir, ms: Date.now() - started }, 'embedded database open');
  await withDatabase?.(db);
  if (withSamples) {
    const seeded = await seedSamples(db, store, namespace);
    if (seeded.length) logger.info({ templates: seeded, namespace }, 'created sample WorkflowTemplates');
  }
  return store;
}
