import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, pgliteOptions } from '../embedded/open-pglite';
import { type OpenArchive, openEmbeddedArchive } from '../archive/open-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import type { KubeCluster } from '../cluster/kube-cluster';
import type { CapstanConfig } from '../config';
import type { Logger } from '../logger';
import type { History } from './history-runtime';
import { openHistory } from './open-history';

/** What the jobs pages say when kubernetes mode has no archive database and the history is a local index. */
export const localIndexNotice =
  'Build history is a local index kept by this Capstan replica: there is no archive database. Builds deleted from the cluster ' +
  'leave the history when Capstan restarts, their numbers may then be given again, and with several replicas only the leader ' +
  'keeps the index. Configure persistence in the workflow-controller-configmap (or CAPSTAN_ARCHIVE_URL) to keep it.';

/**
 * Kubernetes mode without a database: a PGlite database of its own under the data directory (in memory when that
 * is not writable, e.g. a read-only container file system). Numbers already written on live workflows survive a
 * restart because the indexer reads them back; what only the database knew (deleted builds, the counter past the
 * newest live build) does not.
 */
async function openLocalIndex(dataDir: string, logger: Logger): Promise<OpenArchive> {
  const dir = join(dataDir, 'history-index');
  let db: PGlite;
  try {
    db = await openPglite(dir);
  } catch (error) {
    logger.warn({ err: error, dir }, 'build history: the data directory is not writable; keeping the local index in memory');
    db = await PGlite.create(pgliteOptions);
  }
  return openEmbeddedArchive(db, logger);
}

/**
 * The build history for this configuration: beside the archive when there is one (embedded PGlite, or the
 * archive's PostgreSQL), else a local index with a notice. Views and favourites live in ConfigMaps in kubernetes mode.
 */
export async function openHistoryFor(config: CapstanConfig, cluster: ClusterPort, archive: OpenArchive | undefined, logger: Logger): Promise<History> {
  const kubernetes = config.mode === 'kubernetes';
  let source = archive;
  let notice: string | undefined;
  if (!source) {
    logger.warn('build history: no archive database, so the history is a local index (numbers may repeat after a restart); configure persistence in the controller ConfigMap or CAPSTAN_ARCHIVE_URL');
    source = await openLocalIndex(config.dataDir, logger);
    notice = localIndexNotice;
  }
  return openHistory(source.archive, cluster, logger, {
    namespace: kubernetes ? config.namespace : '',
    buildsToKeep: config.buildsToKeep,
    settingsIn: kubernetes ? { kubeConfig: (cluster as KubeCluster).kubeConfig, namespace: config.namespace } : undefined,
    notice,
  });
}
