/**
 * How fast the pure engine reconciles big workflows: a DAG of N tasks (one root, N-1 tasks after it) run to the end
 * with simulated pods. Prints wall time, reconciles and the slowest single reconcile. Run: npm run bench -- engine
 */
import type { Workflow } from '@/lib/generated/argo';
import { reconcileWorkflow } from '@/lib/engine/reconcile';
import type { PodObservation } from '@/lib/engine/types';

function buildDag(tasks: number): Workflow {
  const names = Array.from({ length: tasks }, (_, i) => `t${i}`);
  return {
    metadata: { name: `bench-${tasks}`, namespace: 'argo', uid: 'bench', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'start', template: 'work' },
              ...names.slice(1).map((name) => ({ name, template: 'work', depends: 'start' })),
            ],
          },
        },
        { name: 'work', container: { image: 'busybox', command: ['true'] } },
      ],
    },
  } as Workflow;
}

export function benchEngine(tasks: number): { phase?: string; tasks: number; ms: number; reconciles: number; slowestMs: number; statusBytes: number } {
  let workflow = buildDag(tasks);
  const pods: Record<string, PodObservation> = {};
  let now = new Date('2026-01-01T00:00:00Z');
  let reconciles = 0;
  let slowest = 0;
  const started = performance.now();
  for (;;) {
    const t0 = performance.now();
    const output = reconcileWorkflow({ workflow, pods, now });
    slowest = Math.max(slowest, performance.now() - t0);
    reconciles++;
    workflow = { ...workflow, status: output.status };
    if (output.status.phase !== 'Running') break;
    for (const action of output.actions) if (action.type === 'createPod') pods[action.nodeId] = { phase: 'Succeeded', exitCode: 0 };
    now = new Date(now.getTime() + 1000);
    if (reconciles > 100) throw new Error('did not finish');
  }
  return { phase: workflow.status?.phase, tasks, ms: performance.now() - started, reconciles, slowestMs: slowest, statusBytes: JSON.stringify(workflow.status).length };
}
