import type { KubeConfig } from '@kubernetes/client-node';
import { clusterNameOf } from '../archive/persistence-config';
import type { WorkflowArchive } from '../archive/workflow-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import { BuildIndexer } from './build-indexer';
import { BuildNumberer } from './build-numberer';
import type { BuildStore } from './build-store';
import { ConfigMapJobSettings } from './configmap-job-settings';
import type { History } from './history-runtime';
import { JobCatalog } from './job-catalog';
import { MemoryBuildStore } from './memory-build-store';
import { Retention } from './retention';
import { SqlBuildStore } from './sql-build-store';
import { SqlJobSettings } from './sql-job-settings';

/**
 * Opens the build history in the archive's database (embedded PGlite, or PostgreSQL in kubernetes mode), or in
 * memory when there is no archive (kubernetes mode without a database, with `notice` saying what that costs;
 * views and favourites are then in ConfigMaps, `settingsIn`). The indexer is not
 * started: the caller starts it on the leader (`history.indexer.start()`), which numbers what existed before and
 * then follows the cluster's workflows; nor is the job catalog (`history.catalog.start()`, on every replica; without
 * it the catalog starts its watches on the first list). Close the catalog when done (`history.catalog.close()`).
 */
export async function openHistory(
  archive: WorkflowArchive | undefined,
  cluster: ClusterPort,
  logger: Logger,
  options: { namespace: string; buildsToKeep: number; settingsIn?: { kubeConfig: KubeConfig; namespace: string }; notice?: string },
): Promise<History> {
  const store: BuildStore = archive ? await SqlBuildStore.open(archive.sql, archive.scope.clusterName) : new MemoryBuildStore(clusterNameOf(undefined));
  // Views and favourites: ConfigMaps in kubernetes mode (beside the templates, readable with kubectl), else the database.
  const settings = options.settingsIn
    ? new ConfigMapJobSettings(options.settingsIn.kubeConfig, options.settingsIn.namespace)
    : await sqlSettings(archive);
  const numberer = new BuildNumberer(store, cluster);
  const retention = new Retention(store, cluster, archive, logger, options.buildsToKeep || undefined);
  const indexer = new BuildIndexer(store, numberer, cluster, logger, { namespace: options.namespace, retention });
  const catalog = new JobCatalog(cluster, store, () => indexer.run, logger);
  return { store, numberer, indexer, settings, catalog, ...(archive ? { archive } : {}), ...(options.notice ? { notice: options.notice } : {}) };
}

function sqlSettings(archive: WorkflowArchive | undefined): Promise<SqlJobSettings> {
  if (!archive) throw new Error('build history: views and favourites need the archive database or ConfigMaps (settingsIn)');
  return SqlJobSettings.open(archive.sql, archive.scope.clusterName);
}
