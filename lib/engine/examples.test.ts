import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowSpec } from '../generated/argo';
import { toSavedArtifact } from '../artifacts/artifact-key';
import { loadExamples } from './testing/load-examples';
import { simulateWorkflow, type PodOutcome } from './testing/simulate';

// Argo's convention: every example without the `no-test` label reaches Succeeded. Here the engine runs each one
// with simulated pods that succeed and print plausible outputs (a number, or a JSON list when the script writes
// JSON), so these check control flow, naming and variables; real programs run in the embedded-mode tests.
const examples = loadExamples();
const templates: Record<string, WorkflowSpec> = {};
for (const doc of examples) {
  if ((doc.object.kind === 'WorkflowTemplate' || doc.object.kind === 'ClusterWorkflowTemplate') && doc.object.metadata?.name) {
    templates[doc.object.metadata.name] = doc.object.spec as WorkflowSpec;
  }
}

// These need what their programs really print (a coin flip, a parity per item), which a simulation cannot invent.
const needRealOutputs = new Set([
  'conditional-parameters.yaml',
  'dag-conditional-parameters.yaml',
  'parameter-aggregation.yaml',
  'parameter-aggregation-dag.yaml',
  'parameter-aggregation-script.yaml',
]);

const plausibleOutputs: PodOutcome = ({ template, podName }) => ({
  outputs: {
    result: /json|\[/.test(template.script?.source ?? '') ? '["1","2"]' : '1',
    parameters: (template.outputs?.parameters ?? []).map((p) => ({ name: p.name, value: String(p.valueFrom?.default ?? '1') })),
    // Saved as argoexec records them: key-only, under the archive location (or the pod's name without a repository).
    artifacts: (template.outputs?.artifacts ?? []).map((a) => toSavedArtifact(a, template.archiveLocation?.s3 ? template.archiveLocation : { s3: { key: podName } })),
  },
});

const runnable = examples.filter((d) => d.object.kind === 'Workflow' && !d.object.metadata?.labels?.['workflows.argoproj.io/no-test']);

describe("Argo's examples through the engine", () => {
  it('finds the examples', () => {
    expect(runnable.length).toBeGreaterThan(50);
  });

  it.each(runnable.filter((d) => !needRealOutputs.has(d.file)).map((d) => [d.file, d] as const))('%s reaches Succeeded', (_file, doc) => {
    const workflow = structuredClone(doc.object) as unknown as Workflow;
    workflow.metadata = { ...workflow.metadata, name: 'example', namespace: 'argo', uid: 'uid-1', creationTimestamp: '2026-01-01T00:00:00Z' };
    const { workflow: done } = simulateWorkflow(workflow, plausibleOutputs, { templates, maxSteps: 500 });
    const failures = Object.values(done.status?.nodes ?? {}).filter((n) => n.phase === 'Error' || n.phase === 'Failed').map((n) => `${n.displayName}: ${n.message}`);
    expect({ phase: done.status?.phase, message: done.status?.message, failures }).toEqual({ phase: 'Succeeded', message: undefined, failures: [] });
  });
});
