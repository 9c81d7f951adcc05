/**
 * Where a namespace's pods are, over time: one informer on its pods (the same observer for every contender) counts
 * them by where the bed has taken them (created but not scheduled, scheduled but not started, running, done), so
 * a benchmark can tell whether the controller or the bed's pod simulation (scheduler + kwok) is what paces a run.
 */
import { CoreV1Api, type KubeConfig, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { followInformer } from './follow-informer';

export interface PodCounts { created: number; unscheduled: number; pending: number; running: number; done: number }

function stateOf(pod: V1Pod): Exclude<keyof PodCounts, 'created'> {
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded' || phase === 'Failed') return 'done';
  if (phase === 'Running') return 'running';
  return pod.spec?.nodeName ? 'pending' : 'unscheduled';
}

/** Starts watching `namespace`'s pods; `counts()` is where they are now, `stop()` ends the watch. */
export async function watchPods(config: KubeConfig, namespace: string): Promise<{ counts: () => PodCounts; stop: () => void }> {
  const core = config.makeApiClient(CoreV1Api);
  const states = new Map<string, ReturnType<typeof stateOf>>();
  const informer = makeInformer<V1Pod>(config, `/api/v1/namespaces/${namespace}/pods`, () => core.listNamespacedPod({ namespace }));
  const stop = await followInformer(informer, (pod) => states.set(pod.metadata?.name ?? '', stateOf(pod)));
  return {
    counts: () => {
      const counts: PodCounts = { created: states.size, unscheduled: 0, pending: 0, running: 0, done: 0 };
      for (const state of states.values()) counts[state]++;
      return counts;
    },
    stop,
  };
}

/** One line of a timeline: seconds since `startedAt`, the pods' counts, and whatever `extra` adds. */
export function timelineRow(startedAt: number, counts: PodCounts, extra = ''): string {
  const t = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  const { created, unscheduled, pending, running, done } = counts;
  return `    t=${t} s  pods created ${created}, unscheduled ${unscheduled}, pending ${pending}, running ${running}, done ${done}${extra ? `  ${extra}` : ''}`;
}
