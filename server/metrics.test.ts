import { describe, expect, it } from 'vitest';
import { countPhases, createMetrics, routeLabel } from './metrics';

describe('routeLabel', () => {
  it.each([
    ['/api/v1/workflows/argo/hello-x', '/api/v1/workflows'],
    ['/api/v1/workflow-events/argo?listOptions.fieldSelector=x', '/api/v1/workflow-events'],
    ['/api/capstan/v1/history/argo/t', '/api/capstan/v1/history'],
    ['/_next/static/chunks/a.js', '/_next'],
    ['/workflows/argo/x', 'page'],
    ['/healthz', '/healthz'],
  ])('%s is %s', (path, label) => expect(routeLabel(path)).toBe(label));
});

describe('metrics', () => {
  it('exposes HTTP requests and the controller under Argo\'s names', async () => {
    const metrics = createMetrics({
      workflowPhases: async () => countPhases([{ status: { phase: 'Running' } }, { status: { phase: 'Running' } }, {}, { status: { phase: 'Failed' } }]),
      queue: () => ({ depth: 3, busy: 2 }),
    });
    metrics.observeRequest('GET', '/api/v1/workflows/argo', 200, 0.01);
    const text = await metrics.registry.metrics();
    expect(text).toContain('capstan_http_requests_total{method="GET",route="/api/v1/workflows",code="200"} 1');
    expect(text).toContain('argo_workflows_gauge{phase="Running"} 2');
    expect(text).toContain('argo_workflows_gauge{phase="Pending"} 1');
    expect(text).toContain('argo_workflows_gauge{phase="Succeeded"} 0');
    expect(text).toContain('argo_workflows_queue_depth_gauge{queue_name="workflow_queue"} 3');
    expect(text).toContain('argo_workflows_workers_busy_count{worker_type="workflow_queue"} 2');
  });
});
