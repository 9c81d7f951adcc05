import type { ApiCaller } from '@/lib/history/trigger';
import type { KubeObject } from '@/lib/k8s/object';
import { findRuntime } from '../runtime';
import { findHistory } from './history-runtime';

/**
 * Numbers a workflow Capstan's API just created, so the answer already carries its build number. A failure is
 * logged, not returned: the workflow exists, and the history indexer numbers it when it sees it.
 */
export async function numberCreated<T extends KubeObject>(workflow: T, caller?: ApiCaller): Promise<T> {
  const history = findHistory();
  if (!history) return workflow;
  try {
    return (await history.numberer.number(workflow as never, caller)).workflow as unknown as T;
  } catch (error) {
    findRuntime()?.logger.warn({ err: error, workflow: workflow.metadata.name }, 'numbering the new build failed; the history indexer will retry');
    return workflow;
  }
}
