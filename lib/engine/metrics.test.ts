import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Workflow } from '../generated/argo';
import { computeMetrics } from './metrics';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';

const now = new Date('2026-01-01T00:00:10Z');

describe('custom metrics', () => {
  it("emits dag-custom-metrics.yaml's template metrics per task when it ends and the workflow's when it ends", () => {
    const example = parse(readFileSync(join(process.cwd(), '..', 'shared', 'argo', 'examples', 'dag-custom-metrics.yaml'), 'utf8')) as Workflow;
    const { workflow, metrics } = simulateWorkflow({ ...example, metadata: { name: 'dag-task' } });
    expect(workflow.status?.phase).toBe('Succeeded');
    const emitted = metrics.flatMap((m) => m.emissions);
    expect(metrics.flatMap((m) => m.errors)).toEqual([]);
    const tasks = emitted.filter((e) => e.name === 'playground_workflow_result_task_counter');
    expect(tasks.map((e) => e.labels).sort((a, b) => a.playground_task_name_counter!.localeCompare(b.playground_task_name_counter!))).toEqual(
      ['TEST-ONE-A', 'TEST-ONE-B', 'TEST-TWO-A', 'TEST-TWO-B'].map((tag) => ({ playground_task_name_counter: tag, status: 'Succeeded' })),
    );
    expect(tasks.every((e) => e.kind === 'counter' && e.value === 1)).toBe(true);
    const durations = emitted.filter((e) => e.name === 'playground_workflow_duration_task_seconds');
    expect(durations).toHaveLength(4);
    expect(durations.every((e) => e.kind === 'gauge' && e.value >= 1)).toBe(true);
    const workflowLevel = emitted.filter((e) => e.name.startsWith('playground_workflow_') && !e.name.includes('task'));
    expect(workflowLevel.map((e) => [e.name, e.kind, e.labels.status])).toEqual([
      ['playground_workflow_duration', 'gauge', 'Succeeded'],
      ['playground_workflow_result_counter', 'counter', 'Succeeded'],
    ]);
    expect(workflowLevel[0]!.value).toBeGreaterThan(0);
  });

  it('starts realtime gauges with the node and fixes them when it ends; `when` decides; failed pods say so', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    metrics:
      prometheus:
      - {name: main_duration, help: "how long", gauge: {realtime: true, value: "{{duration}}"}}
      - {name: main_failures, help: "failures", when: "{{status}} == Failed", counter: {value: "1"}}
      - {name: main_exit, help: "exit code", labels: [{key: code, value: "{{exitCode}}"}], histogram: {value: "{{exitCode}}", buckets: [0, 1, 5]}}
    container: {image: busybox, command: ["false"]}
`, 'rt');
    const { metrics } = simulateWorkflow(workflow, () => ({ phase: 'Failed', exitCode: 3 }));
    expect(metrics[0]!.emissions).toEqual([{ name: 'main_duration', help: 'how long', labels: {}, kind: 'gauge', value: 0, realtime: { since: '2026-01-01T00:00:00Z' } }]);
    const final = metrics.at(-1)!.emissions;
    expect(final.map((e) => e.name)).toEqual(['main_duration', 'main_failures', 'main_exit']);
    expect(final[0]!.realtime).toEqual({ since: '2026-01-01T00:00:00Z', until: '2026-01-01T00:00:02Z' });
    expect(final[2]).toMatchObject({ kind: 'histogram', value: 3, buckets: [0, 1, 5], labels: { code: '3' } });
  });

  it('emits for each finished attempt of a retried template and for its retry node once it is decided', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    retryStrategy: {limit: 2}
    metrics:
      prometheus:
      - {name: attempts, help: "attempts", labels: [{key: status, value: "{{status}}"}], counter: {value: "1"}}
    container: {image: busybox, command: ["false"]}
`, 'retried');
    const { workflow: done, metrics } = simulateWorkflow(workflow, () => ({ phase: 'Failed', exitCode: 1 }));
    expect(done.status?.phase).toBe('Failed');
    // Attempts (0) and (1) as each ends while retries go on, then the retry node when (2) decides it, as Argo.
    expect(metrics.flatMap((m) => m.emissions).map((e) => e.labels.status)).toEqual(['Failed', 'Failed', 'Failed']);
  });

  it("reports Argo's messages for metrics it cannot emit", () => {
    const { emissions, errors } = computeMetrics([
      { name: 'no_help', help: '', counter: { value: '1' } },
      { name: 'bad-name', help: 'h', counter: { value: '1' } },
      { name: 'nan', help: 'h', gauge: { realtime: false, value: 'abc' } },
      { name: 'rt', help: 'h', gauge: { realtime: true, value: '{{outputs.result}}' } },
      { name: 'ok', help: 'h', gauge: { realtime: false, value: '{{duration}}', operation: 'Add' } },
    ], { duration: '2.5' }, {}, now, false);
    expect(errors).toEqual([
      "metric 'no_help' must contain a help string under 'help: ' field",
      "could not construct metric 'bad-name': 'bad-name' is not a valid metric or label name",
      "could not construct metric 'nan': invalid value 'abc'",
      "'outputs.result' is not available as a real time metric",
    ]);
    expect(emissions).toEqual([{ name: 'ok', help: 'h', labels: {}, kind: 'gauge', value: 2.5, operation: 'Add' }]);
  });
});
