import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CustomMetrics } from './custom-metrics';
import type { ControllerMetrics } from './controller-metrics';

/**
 * Prometheus metrics on `/metrics`. Controller metrics keep Argo's names (`argo_workflows_gauge`,
 * `argo_workflows_queue_depth_gauge`, `argo_workflows_workers_busy_count`, see Argo's docs/metrics.md), so
 * dashboards and alerts written for Argo's controller keep working; HTTP metrics are Capstan's own.
 *
 * The registry lives in server/main.ts's module graph and reaches the route handler through the runtime
 * (route handlers are bundled apart: a registry imported there would be a second, empty one).
 */
export interface Metrics {
  registry: Registry;
  /** Counts one finished HTTP request. */
  observeRequest(method: string, path: string, status: number, seconds: number): void;
}

export interface MetricSources {
  /** Workflows per phase, read at scrape time (Argo's informer-backed gauge). */
  workflowPhases: () => Promise<Record<string, number>>;
  /** The controller's work queue. */
  queue: () => { depth: number; busy: number };
  /** Workflows' and templates' own metrics, exposed on the same registry. */
  custom?: CustomMetrics;
  /** Argo's event-fed controller metrics. */
  controller?: ControllerMetrics;
}

/** A low-cardinality label for a request path (the base path already removed by the caller, or not). */
export function routeLabel(path: string): string {
  const clean = path.split(/[?#]/)[0] ?? '/';
  const segments = clean.split('/').filter(Boolean);
  if (segments[0] === '_next') return '/_next';
  if (segments[0] === 'api') {
    // /api/v1/workflows/{namespace}/... -> /api/v1/workflows; Capstan's /api/capstan/v1/x -> /api/capstan/v1/x
    return `/${segments.slice(0, segments[1] === 'capstan' ? 4 : 3).join('/')}`;
  }
  if (['healthz', 'readyz', 'metrics'].includes(segments[0] ?? '')) return `/${segments[0]}`;
  return 'page';
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'capstan_http_requests_total',
    help: 'HTTP requests served, by method, route and status code.',
    labelNames: ['method', 'route', 'code'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'capstan_http_request_duration_seconds',
    help: 'Time to serve an HTTP request (streams: until they close).',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.025, 0.1, 0.25, 1, 2.5, 10, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'argo_workflows_gauge',
    help: 'Number of workflows currently in the cluster in each phase (as Argo\'s controller).',
    labelNames: ['phase'],
    registers: [registry],
    async collect() {
      this.reset();
      const phases = await sources.workflowPhases().catch(() => ({} as Record<string, number>));
      for (const phase of ['Pending', 'Running', 'Succeeded', 'Failed', 'Error']) this.set({ phase }, phases[phase] ?? 0);
    },
  });
  new Gauge({
    name: 'argo_workflows_queue_depth_gauge',
    help: 'Depth of the controller\'s work queues (as Argo\'s controller).',
    labelNames: ['queue_name'],
    registers: [registry],
    collect() {
      this.set({ queue_name: 'workflow_queue' }, sources.queue().depth);
    },
  });
  new Gauge({
    name: 'argo_workflows_workers_busy_count',
    help: 'Queue workers that are busy (as Argo\'s controller).',
    labelNames: ['worker_type'],
    registers: [registry],
    collect() {
      this.set({ worker_type: 'workflow_queue' }, sources.queue().busy);
    },
  });

  sources.custom?.attach(registry);
  sources.controller?.attach(registry);
  return {
    registry,
    observeRequest(method, path, status, seconds) {
      const route = routeLabel(path);
      requests.inc({ method, route, code: String(status) });
      durations.observe({ method, route }, seconds);
    },
  };
}

/** Counts workflows by phase; a workflow without a phase yet is Pending, as Argo counts it. */
export function countPhases(workflows: object[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const wf of workflows) {
    const phase = (wf as { status?: { phase?: string } }).status?.phase || 'Pending';
    counts[phase] = (counts[phase] ?? 0) + 1;
  }
  return counts;
}
