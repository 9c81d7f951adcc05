import type { NodeStatus, Prometheus } from '../generated/argo';
import { isFulfilled } from './phases';
import { substituteObject } from './substitute';
import { shouldExecute } from './when';

/**
 * One value of a custom metric, fully computed, for the caller's Prometheus registry: Argo exposes it as
 * `argo_workflows_<name>`. A realtime gauge has no fixed value: it reads the seconds since `since` (until `until`
 * once the node or workflow ended) at scrape time.
 */
export interface MetricEmission {
  name: string;
  help: string;
  labels: Record<string, string>;
  kind: 'gauge' | 'counter' | 'histogram';
  value: number;
  /** A gauge's `operation`: Set (default), Add or Sub. */
  operation?: 'Set' | 'Add' | 'Sub';
  buckets?: number[];
  realtime?: { since: string; until?: string };
}

/** Argo's rule for custom metric and label names (valid in Prometheus and OpenTelemetry). */
const namePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The seconds between two Kubernetes timestamps, or to `now` while the second is missing. */
function secondsBetween(from: string | undefined, to: string | undefined, now: Date): number {
  const start = Date.parse(from ?? '');
  if (Number.isNaN(start)) return 0;
  const end = to ? Date.parse(to) : now.getTime();
  return Math.max(0, (end - start) / 1000);
}

/**
 * The variables a metric sees (Argo's prepareMetricScope): the workflow's globals, then `duration`, `status`,
 * `retries`, `inputs.parameters.*`, `outputs.result`, `exitCode`, `outputs.parameters.*` and
 * `resourcesDuration.*` of the node it describes (none for a workflow that has not ended).
 */
export function metricScope(globals: Record<string, string>, node: NodeStatus | undefined, now: Date): Record<string, string> {
  const scope: Record<string, string> = { ...globals, duration: '0', status: 'Pending', 'resourcesDuration.cpu': '0', 'resourcesDuration.memory': '0' };
  if (!node) return scope;
  scope.duration = String(secondsBetween(node.startedAt, isFulfilled(node.phase) ? node.finishedAt : undefined, now));
  if (node.children?.length) scope.retries = String(node.children.length - 1);
  if (node.phase) scope.status = node.phase;
  for (const p of node.inputs?.parameters ?? []) scope[`inputs.parameters.${p.name}`] = p.value === undefined ? '' : String(p.value);
  if (node.outputs?.result !== undefined) scope['outputs.result'] = node.outputs.result;
  if (node.outputs?.exitCode !== undefined) scope.exitCode = node.outputs.exitCode;
  for (const p of node.outputs?.parameters ?? []) scope[`outputs.parameters.${p.name}`] = p.value === undefined ? '' : String(p.value);
  for (const [name, seconds] of Object.entries(node.resourcesDuration ?? {})) scope[`resourcesDuration.${name}`] = String(seconds);
  return scope;
}

/** Where realtime gauges take their value: `{{duration}}` (the node's) or `{{workflow.duration}}`. */
export interface RealtimeSources {
  duration?: { since: string; until?: string };
  'workflow.duration'?: { since: string; until?: string };
}

/**
 * Computes the metrics of a template or workflow at one moment, as Argo's computeMetrics: name, help, labels and
 * `when` are substituted first, `when` decides, then the value; `realtimeOnly` keeps to realtime gauges (emitted
 * when the node starts). Problems (no help, a bad name or value) are returned as Argo's messages, not thrown.
 */
export function computeMetrics(
  metrics: Prometheus[],
  scope: Record<string, string>,
  realtime: RealtimeSources,
  now: Date,
  realtimeOnly: boolean,
): { emissions: MetricEmission[]; errors: string[] } {
  const emissions: MetricEmission[] = [];
  const errors: string[] = [];
  for (const metric of metrics) {
    const isRealtime = metric.gauge?.realtime === true;
    if (realtimeOnly && !isRealtime) continue;
    if (!metric.help) {
      errors.push(`metric '${metric.name}' must contain a help string under 'help: ' field`);
      continue;
    }
    let described: Pick<Prometheus, 'name' | 'help' | 'labels' | 'when'>;
    try {
      described = substituteObject({ name: metric.name, help: metric.help, labels: metric.labels, when: metric.when }, scope, now);
      if (!shouldExecute(described.when)) continue;
    } catch (error) {
      errors.push(`unable to compute 'when' clause for metric '${metric.name}': ${(error as Error).message}`);
      continue;
    }
    const labels = Object.fromEntries((described.labels ?? []).map((l) => [l.key, l.value]));
    const badName = [described.name, ...Object.keys(labels)].find((n) => !namePattern.test(n));
    if (badName !== undefined) {
      errors.push(`could not construct metric '${described.name}': '${badName}' is not a valid metric or label name`);
      continue;
    }
    const base = { name: described.name, help: described.help, labels };
    if (isRealtime) {
      const source = (metric.gauge?.value ?? '').trim().match(/^\{\{\s*(.+?)\s*\}\}$/)?.[1];
      if (!source) {
        errors.push('real time metrics can only be used with metric variables');
        continue;
      }
      const window = realtime[source as keyof RealtimeSources];
      if (!window) {
        errors.push(`'${source}' is not available as a real time metric`);
        continue;
      }
      emissions.push({ ...base, kind: 'gauge', value: 0, realtime: window });
      continue;
    }
    const kind = metric.gauge ? 'gauge' : metric.counter ? 'counter' : metric.histogram ? 'histogram' : undefined;
    if (!kind) {
      errors.push(`could not construct metric '${described.name}': it has no gauge, counter or histogram`);
      continue;
    }
    const raw = (metric.gauge ?? metric.counter ?? metric.histogram)!.value;
    let value: number;
    try {
      value = Number(substituteObject(raw, scope, now));
    } catch (error) {
      errors.push(`unable to substitute parameters for metric '${described.name}': ${(error as Error).message}`);
      continue;
    }
    if (!Number.isFinite(value)) {
      errors.push(`could not construct metric '${described.name}': invalid value '${substituteObject(raw, scope, now)}'`);
      continue;
    }
    const operation = metric.gauge?.operation as MetricEmission['operation'] | undefined;
    emissions.push({
      ...base, kind, value,
      ...(operation && operation !== 'Set' ? { operation } : {}),
      ...(metric.histogram ? { buckets: metric.histogram.buckets.map(Number) } : {}),
    });
  }
  return { emissions, errors };
}
