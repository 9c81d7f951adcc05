import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Argo's controller metrics that need events rather than a scrape-time read: `argo_workflows_total_count` (workflows
 * entering each phase, by namespace), `argo_workflows_operation_duration_seconds` (one reconcile of one workflow) and
 * `argo_workflows_is_leader`. Created before the registry exists (the controllers start first), exposed once attached.
 */
export class ControllerMetrics {
  private total: Counter | undefined;
  private operations: Histogram | undefined;

  constructor(private readonly isLeader: () => boolean = () => true) {}

  attach(registry: Registry): void {
    this.total = new Counter({
      name: 'argo_workflows_total_count',
      help: 'A counter of workflows that have entered each phase, by namespace (as Argo\'s controller).',
      labelNames: ['phase', 'namespace'],
      registers: [registry],
    });
    this.operations = new Histogram({
      name: 'argo_workflows_operation_duration_seconds',
      help: 'A histogram of durations of operations: one reconcile of one workflow (as Argo\'s controller).',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    });
    const isLeader = this.isLeader;
    new Gauge({
      name: 'argo_workflows_is_leader',
      help: 'Emits 1 if leader, 0 otherwise (as Argo\'s controller).',
      registers: [registry],
      collect() {
        this.set(isLeader() ? 1 : 0);
      },
    });
  }

  phaseEntered(namespace: string, phase: string): void {
    this.total?.inc({ phase, namespace });
  }

  operation(seconds: number): void {
    this.operations?.observe(seconds);
  }
}
