import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe } from 'vitest';
import { pgliteSession } from '../archive/sql-session';
import { WorkflowArchive } from '../archive/workflow-archive';
import { buildStoreContract } from './build-store-contract';
import { SqlBuildStore } from './sql-build-store';

// The SQL store on PGlite in memory (beside the archive's tables, which it reads), held to the same contract as the
// memory store; build-history.integration.test.ts runs it on PostgreSQL with a real cluster.
describe('SqlBuildStore', () => {
  let db: PGlite;
  let store: SqlBuildStore;
  beforeAll(async () => {
    db = new PGlite();
    const { archive } = await WorkflowArchive.open(pgliteSession(db), { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
    store = await SqlBuildStore.open(archive.sql, 'default');
  });
  afterAll(() => db?.close());
  buildStoreContract(() => store);
});
