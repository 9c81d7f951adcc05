import type { OpenArchive } from '../archive/open-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import type { KubeCluster } from '../cluster/kube-cluster';
import type { CapstanConfig } from '../config';
import type { Logger } from '../logger';
import type { History } from './history-runtime';
import { openHistory } from './open-history';

/** What the jobs pages say when kubernetes mode has no archive database and the history is a local index. */
export const localIndexNotice =
  'Build history is a local index in the memory of this Capstan replica: there is no archive database. Builds deleted from the ' +
  'cluster leave the history when Capstan restarts, their numbers may then be given again, and with several replicas only the ' +
  'leader keeps the index. Configure persistence in the workflow-controller-configmap (or CAPSTAN_ARCHIVE_URL) to keep it.';

/**
 * The build history for this configuration: beside the archive when there is one (embedded PGlite, or the
 * archive's PostgreSQL), else a local index in memory (server/history/memory-build-store.ts) with a notice. Views and favourites live in ConfigMaps in kubernetes mode.
 */
export async function openHistoryFor(config: CapstanConfig, cluster: ClusterPort, archive: OpenArchive | undefined, logger: Logger): Promise<History> {
  const kubernetes = config.mode === 'kubernetes';
  if (!archive) {
    logger.warn('build history: no archive database, so the history is a local index in memory (numbers may repeat after a restart); configure persistence in the controller ConfigMap or CAPSTAN_ARCHIVE_URL');
  }
  return openHistory(archive?.archive, cluster, logger, {
    namespace: kubernetes ? config.namespace : '',
    buildsToKeep: config.buildsToKeep,
    settingsIn: kubernetes ? { kubeConfig: (cluster as KubeCluster).kubeConfig, namespace: config.namespace } : undefined,
    ...(archive ? {} : { notice: localIndexNotice }),
  });
}
