import { describe, expect, it } from 'vitest';
import { checkStructure } from './check-structure';
import { buildContainer, buildWorkflow } from './test-builders';

describe('checkStructure', () => {
  it('accepts a valid workflow', () => {
    expect(checkStructure(buildWorkflow([buildContainer()]), 'Workflow')).toEqual({ errors: [], decodes: true });
  });

  it('reports unknown fields with their path, like strict decoding, and still decodes', () => {
    const workflow = buildWorkflow([buildContainer('main', { container: { image: 'a', someExtraField: 'foo' } as never })]);
    (workflow.metadata as Record<string, unknown>).bogus = 1;
    expect(checkStructure(workflow, 'Workflow')).toEqual({
      errors: [
        { path: 'metadata.bogus', message: 'unknown field "bogus"' },
        { path: 'spec.templates[0].container.someExtraField', message: 'unknown field "someExtraField"' },
      ],
      decodes: true,
    });
  });

  it('matches keys case-sensitively', () => {
    const workflow = buildWorkflow([{ ...buildContainer(), Name: 'x' } as never]);
    expect(checkStructure(workflow, 'Workflow').errors).toEqual([{ path: 'spec.templates[0].Name', message: 'unknown field "Name"' }]);
  });

  it("checks a step's own keys but, like Argo's ParallelSteps decoder, nothing below them", () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'c', foo: 1, arguments: { bar: 2 } } as never]] },
      buildContainer('c'),
    ]);
    expect(checkStructure(workflow, 'Workflow').errors).toEqual([{ path: 'spec.templates[0].steps[0][0].foo', message: 'unknown field "foo"' }]);
  });

  it('reports wrong JSON types as not decodable', () => {
    const workflow = buildWorkflow([buildContainer()], { entrypoint: ['main'], parallelism: 1.5 });
    expect(checkStructure(workflow, 'Workflow')).toEqual({
      errors: [
        { path: 'spec.entrypoint', message: 'must be a string, not an array' },
        { path: 'spec.parallelism', message: 'must be an integer, not 1.5' },
      ],
      decodes: false,
    });
    expect(checkStructure([], 'Workflow').errors).toEqual([{ path: '', message: 'a Workflow must be an object, not an array' }]);
  });

  it("follows Go's decoders: IntOrString, Quantity, AnyString, Plugin, bytes", () => {
    const ok = buildWorkflow(
      [
        buildContainer('main', {
          activeDeadlineSeconds: '{{workflow.parameters.d}}',
          container: { image: 'a', resources: { limits: { memory: 1024, cpu: '500m' } } },
        }),
        { name: 'p', plugin: { hello: {} } },
      ],
      { arguments: { parameters: [{ name: 'd', value: 30 }, { name: 'e', value: true, enum: [true, 1] }] } },
    );
    expect(checkStructure(ok, 'Workflow').errors).toEqual([]);
    const bad = buildWorkflow([
      buildContainer('main', { activeDeadlineSeconds: 1.5, container: { image: 'a', resources: { limits: { memory: '1Gb' } } } }),
      { name: 'p', plugin: { a: {}, b: {} } },
      { name: 'h', http: { url: 'u', bodyFrom: { bytes: 'not base64!' } } },
    ]);
    expect(checkStructure(bad, 'Workflow').errors).toEqual([
      { path: 'spec.templates[0].container.resources.limits.memory', message: '"1Gb" is not a valid quantity (e.g. 500m, 1.5, 2Gi)' },
      { path: 'spec.templates[0].activeDeadlineSeconds', message: 'must be an integer or a string, not 1.5' },
      { path: 'spec.templates[1].plugin', message: "a plugin template must have exactly one key (the plugin's name), got 2" },
      { path: 'spec.templates[2].http.bodyFrom.bytes', message: 'must be base64-encoded' },
    ]);
  });

  it('treats null as unset and quotes map keys that are not plain words', () => {
    const workflow = buildWorkflow([buildContainer()], { onExit: null });
    (workflow.metadata as Record<string, unknown>).labels = { 'app.kubernetes.io/name': 1 };
    expect(checkStructure(workflow, 'Workflow').errors).toEqual([
      { path: 'metadata.labels["app.kubernetes.io/name"]', message: 'must be a string, not a number' },
    ]);
  });

  it('checks schema-required fields only when asked', () => {
    const workflow = buildWorkflow([{ name: 'main', container: { command: ['x'] } }]);
    expect(checkStructure(workflow, 'Workflow').errors).toEqual([]);
    expect(checkStructure(workflow, 'Workflow', { requireFields: true }).errors).toEqual([
      { path: 'spec.templates[0].container.image', message: 'is required' },
    ]);
  });

  it('rejects kinds it has no schema for', () => {
    expect(() => checkStructure({}, 'Pod')).toThrow('no validation schema for kind Pod');
  });
});
