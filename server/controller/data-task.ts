import type { PodObservation } from '@/lib/engine/types';
import { toKubeTime } from '@/lib/k8s/object';
import { transformData } from '@/lib/resources/data-transform';
import { openStore, type StoreContext } from '../artifacts/open-store';
import type { PodRequest, WorkflowRef } from './pod-executor';

/**
 * A data template, carried out in the server process (argoexec's `data` in Argo): the source's artifactPaths are
 * listed (every key under the artifact's key, in its repository), the transformation's expressions run over the
 * list, and the JSON of the result is `outputs.result`.
 */
export async function runDataTask(workflow: WorkflowRef, pod: PodRequest, context: Omit<StoreContext, 'namespace'>): Promise<PodObservation> {
  const startedAt = toKubeTime(new Date());
  const data = pod.template.data!;
  try {
    const source = data.source?.artifactPaths;
    if (!source) throw new Error('unable to process data source: no valid source is used for data template');
    let files: string[];
    try {
      const { store, key } = await openStore(source, { ...context, namespace: workflow.namespace });
      files = await store.list(key ? `${key.replace(/\/+$/, '')}/` : '');
    } catch (error) {
      throw new Error(`unable to process data source: unable to source artifact paths: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result = transformData(files, data.transformation);
    return { phase: 'Succeeded', startedAt, finishedAt: toKubeTime(new Date()), exitCode: 0, outputs: { result: JSON.stringify(result) } };
  } catch (error) {
    return { phase: 'Failed', message: error instanceof Error ? error.message : String(error), startedAt, finishedAt: toKubeTime(new Date()), exitCode: 1 };
  }
}
