import { describe, expect, it } from 'vitest';
import { compileShapes, renderShapeModule, rootKinds, validationSchemaHeader } from './compile-shapes';

const argo = 'io.argoproj.workflow.v1alpha1';
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

// A schema with the four roots sharing one spec, exercising each rule of the compiler.
const definitions: Record<string, unknown> = {
  [`${argo}.WorkflowSpec`]: {
    type: 'object',
    required: ['entrypoint'],
    properties: {
      entrypoint: { type: 'string' },
      deadline: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      steps: { type: 'array', items: ref(`${argo}.ParallelSteps`) },
      parameter: ref(`${argo}.Parameter`),
      none: ref(`${argo}.NoneStrategy`),
      body: { type: 'string', format: 'byte' },
    },
  },
  [`${argo}.ParallelSteps`]: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  [`${argo}.Parameter`]: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' }, enum: { type: 'array', items: { type: 'string' } } } },
  [`${argo}.NoneStrategy`]: { type: 'object' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', properties: { name: { type: 'string' } } },
  'other.Unreachable': { type: 'string' },
};
for (const root of Object.values(rootKinds)) {
  definitions[root] = { type: 'object', properties: { metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), spec: ref(`${argo}.WorkflowSpec`) } };
}

describe('compileShapes', () => {
  const table = compileShapes({ definitions });

  it('keeps only definitions reachable from the four kinds, by short name', () => {
    expect(table.roots).toEqual({ Workflow: 'Workflow', WorkflowTemplate: 'WorkflowTemplate', ClusterWorkflowTemplate: 'ClusterWorkflowTemplate', CronWorkflow: 'CronWorkflow' });
    expect(Object.keys(table.definitions).sort()).toEqual([
      'ClusterWorkflowTemplate', 'CronWorkflow', 'NoneStrategy', 'ObjectMeta', 'ParallelSteps', 'Parameter', 'Workflow', 'WorkflowSpec', 'WorkflowTemplate',
    ]);
  });

  it("patches in Go's decoders and marks ParallelSteps shallow", () => {
    expect(table.definitions.WorkflowSpec).toEqual({
      props: {
        entrypoint: 'string',
        deadline: 'int-or-string',
        labels: { map: 'string' },
        steps: { array: { ref: 'ParallelSteps' } },
        parameter: { ref: 'Parameter' },
        none: { ref: 'NoneStrategy' },
        body: 'bytes',
      },
      required: ['entrypoint'],
    });
    expect(table.definitions.ParallelSteps).toEqual({ array: { props: { name: 'string' } }, shallow: true });
    expect(table.definitions.Parameter).toEqual({ props: { name: 'string', value: 'any-string', enum: { array: 'any-string' } } });
    expect(table.definitions.NoneStrategy).toEqual({ props: {} });
  });

  it('rejects a document without definitions or with a dangling reference', () => {
    expect(() => compileShapes({})).toThrow('schema.json has no "definitions" object');
    expect(() => compileShapes({ definitions: { [`${argo}.Workflow`]: ref('nowhere.X') } })).toThrow(/has no definition/);
  });
});

describe('renderShapeModule', () => {
  it('writes a marked, typed module with one definition per line', () => {
    const text = renderShapeModule({ roots: { Workflow: 'Workflow' }, definitions: { B: 'string', A: { props: {} } } });
    expect(text.startsWith(validationSchemaHeader)).toBe(true);
    expect(text).toContain("import type { ShapeTable } from '@/lib/validate/shape';");
    expect(text).toContain('    "A": {"props":{}},\n    "B": "string",\n');
  });
});
