import { isApiError } from '@/lib/api-error';
import { type JobRef, jobKey } from '@/lib/history/job-ref';
import { buildsToKeep } from '@/lib/history/retention';
import type { KubeObject } from '@/lib/k8s/object';
import type { WorkflowArchive } from '../archive/workflow-archive';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import type { BuildStore } from './build-store';

/**
 * Jenkins' build discarder: when a build of a job completes, builds beyond the job's `capstan.io/builds-to-keep`
 * (or the global default) are deleted from the history, the archive and, when still there, the cluster.
 */
export class Retention {
  private readonly running = new Set<string>();

  constructor(
    private readonly store: BuildStore,
    private readonly cluster: ClusterPort,
    private readonly archive: WorkflowArchive | undefined,
    private readonly logger: Logger,
    private readonly defaultKeep: number | undefined,
  ) {}

  async apply(job: JobRef): Promise<void> {
    const key = jobKey(job);
    if (this.running.has(key)) return;
    this.running.add(key);
    try {
      const resource = await this.cluster.get<KubeObject>(job.kind, job.namespace, job.name).catch((error: unknown) => {
        if (isApiError(error) && error.code === 5) return undefined;
        throw error;
      });
      const keep = buildsToKeep(resource?.metadata.annotations, this.defaultKeep);
      if (keep === undefined) return;
      const discarded = await this.store.discard(job, keep);
      for (const build of discarded) {
        await this.archive?.delete(build.uid);
        await this.deleteLive(build);
      }
      if (discarded.length) this.logger.info({ job: key, keep, discarded: discarded.length }, 'discarded old builds');
    } finally {
      this.running.delete(key);
    }
  }

  private async deleteLive(build: { uid: string; namespace: string; workflowName: string }): Promise<void> {
    try {
      const live = await this.cluster.get<KubeObject>('workflows', build.namespace, build.workflowName);
      if (live.metadata.uid === build.uid) await this.cluster.delete('workflows', build.namespace, build.workflowName);
    } catch (error) {
      if (!(isApiError(error) && error.code === 5)) throw error;
    }
  }
}
