import { describe, expect, it } from 'vitest';
import { ControllerMetrics } from './controller-metrics';
import { CustomMetrics } from './custom-metrics';
import { createMetrics } from './metrics';

const setup = () => {
  const logged: string[] = [];
  const custom = new CustomMetrics((m) => logged.push(m));
  const metrics = createMetrics({ workflowPhases: async () => ({}), queue: () => ({ depth: 0, busy: 0 }), custom });
  return { custom, logged, text: () => metrics.registry.metrics() };
};

describe('CustomMetrics', () => {
  it("exposes gauges, counters and histograms under Argo's argo_workflows_ prefix", async () => {
    const { custom, text } = setup();
    custom.record([
      { name: 'task_seconds', help: 'h', labels: { task: 'a' }, kind: 'gauge', value: 2 },
      { name: 'task_seconds', help: 'h', labels: { task: 'a' }, kind: 'gauge', value: 3, operation: 'Add' },
      { name: 'runs', help: 'runs', labels: { status: 'Succeeded' }, kind: 'counter', value: 1 },
      { name: 'runs', help: 'runs', labels: { status: 'Succeeded' }, kind: 'counter', value: 1 },
      { name: 'exit', help: 'e', labels: {}, kind: 'histogram', value: 3, buckets: [1, 5] },
    ], []);
    const out = await text();
    expect(out).toContain('argo_workflows_task_seconds{task="a"} 5');
    expect(out).toContain('argo_workflows_runs{status="Succeeded"} 2');
    expect(out).toContain('argo_workflows_exit_bucket{le="1"} 0');
    expect(out).toContain('argo_workflows_exit_bucket{le="5"} 1');
  });

  it('reads realtime gauges at scrape time, keeps emissions made before it was attached, and counts errors', async () => {
    const logged: string[] = [];
    const custom = new CustomMetrics((m) => logged.push(m));
    custom.record([{ name: 'rt', help: 'h', labels: {}, kind: 'gauge', value: 0, realtime: { since: '2026-01-01T00:00:00Z', until: '2026-01-01T00:00:07Z' } }], ['bad metric']);
    const metrics = createMetrics({ workflowPhases: async () => ({}), queue: () => ({ depth: 0, busy: 0 }), custom });
    custom.record([{ name: 'rt', help: 'h', labels: {}, kind: 'counter', value: 1 }], []);
    const out = await metrics.registry.metrics();
    expect(out).toContain('argo_workflows_rt 7');
    expect(out).toContain('argo_workflows_error_count{cause="MetricEmissionError"} 2');
    expect(logged).toEqual(['bad metric', 'found existing gauge for custom metric rt of type counter']);
  });
});

describe('ControllerMetrics', () => {
  it("counts phases entered and reconcile durations under Argo's names", async () => {
    const controller = new ControllerMetrics(() => false);
    const metrics = createMetrics({ workflowPhases: async () => ({}), queue: () => ({ depth: 0, busy: 0 }), controller });
    controller.phaseEntered('argo', 'Running');
    controller.phaseEntered('argo', 'Running');
    controller.operation(0.002);
    const text = await metrics.registry.metrics();
    expect(text).toContain('argo_workflows_total_count{phase="Running",namespace="argo"} 2');
    expect(text).toContain('argo_workflows_operation_duration_seconds_count 1');
    expect(text).toContain('argo_workflows_is_leader 0');
  });
});
