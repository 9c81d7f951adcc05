/**
 * How fast the pure engine reconciles big workflows: the fan-out/fan-in DAG of `fanOutDag` run to the end with
 * simulated pods. A created pod is seen Running at the next reconcile; then a tenth of the fan-out's width ends at each
 * reconcile, so most reconciles are the steady state of a big run: many pods running, some just ended, the next
 * tasks to start. Run: npm run bench -- engine
 */
import { reconcileWorkflow } from '@/lib/engine/reconcile';
import type { PodObservation } from '@/lib/engine/types';
import type { Workflow } from '@/lib/generated/argo';
import { fanOutDag } from './fan-out-dag';

export interface EngineBenchResult {
  phase?: string;
  /** Nodes in the final status. */
  nodes: number;
  reconciles: number;
  totalMs: number;
  /** The first reconcile: validation and the root's pod. */
  firstMs: number;
  /** The median reconcile while pods run and end. */
  steadyMs: number;
  /**
   * The CPU time of the same reconciles (median; the process's, so the garbage collector's threads count): on a
   * shared machine the wall time also counts the time other processes had the cores.
   */
  steadyCpuMs: number;
  /** A reconcile with nothing new observed, in the middle of the run (the median of five). */
  idleMs: number;
  slowestMs: number;
  /** Which reconcile was the slowest (1 is the first; 2 creates the fan-out's pods). */
  slowestIndex: number;
  statusBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Runs a fan-out DAG of `width` tasks (plus root, joins and sink) to the end and times each reconcile. `reread` gives
 * each reconcile the status as the controller does, read back from the store (a fresh copy parsed from JSON, outside
 * the time measured) rather than the engine's own output, whose unchanged nodes the next reconcile shares as they are.
 */
export function benchEngine(width: number, options: { reread?: boolean } = {}): EngineBenchResult {
  const manifest = fanOutDag(`bench-${width}`, { width, sink: true });
  let workflow: Workflow = { ...manifest, metadata: { ...manifest.metadata, namespace: 'argo', uid: 'bench', creationTimestamp: '2026-01-01T00:00:00Z' } };
  const pods: Record<string, PodObservation> = {};
  const running: string[] = [];
  const batch = Math.ceil(width / 10);
  let now = new Date('2026-01-01T00:00:00Z');
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let idleMs = 0;
  const reconcile = () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const output = reconcileWorkflow({ workflow, pods, now });
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    return output;
  };
  for (;;) {
    const output = reconcile();
    workflow = { ...workflow, status: options.reread ? (JSON.parse(JSON.stringify(output.status)) as typeof output.status) : output.status };
    if (output.status.phase !== 'Running') break;
    if (times.length === 5) {
      // Nothing new: the engine must decide nothing, and should notice that quickly. The median of five, as one
      // reconcile's time on a shared machine is mostly noise.
      const idle: number[] = [];
      for (let repeat = 0; repeat < 5; repeat++) {
        const t0 = performance.now();
        reconcileWorkflow({ workflow, pods, now });
        idle.push(performance.now() - t0);
      }
      idleMs = median(idle);
    }
    const ending = running.splice(0, batch);
    for (const id of ending) pods[id] = { phase: 'Succeeded', exitCode: 0, hostNodeName: 'bench-node' };
    for (const action of output.actions) {
      if (action.type !== 'createPod') continue;
      pods[action.nodeId] = { phase: 'Running', hostNodeName: 'bench-node' };
      running.push(action.nodeId);
    }
    now = new Date(now.getTime() + 1000);
    if (times.length > 500) throw new Error('did not finish');
  }
  return {
    phase: workflow.status?.phase,
    nodes: Object.keys(workflow.status?.nodes ?? {}).length,
    reconciles: times.length,
    totalMs: times.reduce((a, b) => a + b, 0),
    firstMs: times[0] ?? 0,
    steadyMs: median(times.slice(1)),
    steadyCpuMs: median(cpuTimes.slice(1)),
    idleMs,
    slowestMs: Math.max(...times),
    slowestIndex: times.indexOf(Math.max(...times)) + 1,
    statusBytes: JSON.stringify(workflow.status).length,
  };
}

/** Prints one line per size. */
export function printEngineBench(widths: number[], options: { reread?: boolean } = {}): void {
  for (const width of widths) {
    const r = benchEngine(width, options);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `  ${String(r.nodes).padStart(6)} nodes (${r.phase}): first ${ms(r.firstMs)}, steady ${ms(r.steadyMs)} (CPU ${ms(r.steadyCpuMs)}), idle ${ms(r.idleMs)}, ` +
        `slowest ${ms(r.slowestMs)} (#${r.slowestIndex}); ${r.reconciles} reconciles, ${ms(r.totalMs)} in all; status ${(r.statusBytes / 1024).toFixed(0)} KiB`,
    );
  }
}
