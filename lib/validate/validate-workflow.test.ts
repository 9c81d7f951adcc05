import { describe, expect, it } from 'vitest';
import { createTemplateResolver } from './create-template-resolver';
import { buildContainer, buildWorkflow, buildWorkflowTemplate } from './test-builders';
import type { ValidationContext } from './types';
import { validateClusterWorkflowTemplate, validateWorkflow, validateWorkflowTemplate } from './validate-workflow';

const errorsOf = (manifest: unknown, context?: ValidationContext) => validateWorkflow(manifest, context).errors;

describe('validateWorkflow: structure first', () => {
  it('accepts a minimal workflow', () => {
    expect(errorsOf(buildWorkflow([buildContainer()]))).toEqual([]);
  });

  it('stops at type errors, as Go cannot decode the manifest', () => {
    expect(errorsOf(buildWorkflow([buildContainer()], { entrypoint: ['main'] }))).toEqual([
      { path: 'spec.entrypoint', message: 'must be a string, not an array' },
    ]);
  });

  it('reports unknown fields and the semantic problems after them', () => {
    const workflow = buildWorkflow([buildContainer('main', { bogus: true } as never)], { entrypoint: 'nope' });
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.templates[0].bogus', message: 'unknown field "bogus"' },
      { path: 'spec.entrypoint', message: "template name 'nope' undefined" },
    ]);
  });
});

describe('validateWorkflow: entrypoint and templates', () => {
  it('requires an entrypoint that names a template', () => {
    expect(errorsOf(buildWorkflow([buildContainer()], { entrypoint: undefined }))).toEqual([
      { path: 'spec.entrypoint', message: 'spec.entrypoint is required' },
    ]);
    expect(errorsOf(buildWorkflow([buildContainer()], { entrypoint: 'missing' }))).toEqual([
      { path: 'spec.entrypoint', message: "template name 'missing' undefined" },
    ]);
  });

  it('requires unique, well-formed template names', () => {
    expect(errorsOf(buildWorkflow([buildContainer(), buildContainer()]))).toEqual([
      { path: 'spec.templates[1].name', message: "name 'main' is not unique" },
    ]);
    expect(errorsOf(buildWorkflow([buildContainer('my_tmpl')]))).toEqual([
      {
        path: 'spec.templates[0].name',
        message: "name 'my_tmpl' is invalid: name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
      },
    ]);
  });

  it('requires exactly one template type', () => {
    expect(errorsOf(buildWorkflow([buildContainer(), { name: 'other' }]))).toEqual([
      {
        path: 'spec.templates[1]',
        message: "template 'other' has no type: set one of container, containerSet, script, resource, dag, steps, suspend, data, http or plugin",
      },
    ]);
    expect(errorsOf(buildWorkflow([buildContainer('main', { script: { image: 'a', source: 'b' } })]))).toEqual([
      { path: 'spec.templates[0]', message: 'multiple template types specified (container, script): choose one' },
    ]);
  });

  it('reports every broken template, not just the first', () => {
    const workflow = buildWorkflow([
      buildContainer(),
      buildContainer('a', { timeout: '30' }),
      buildContainer('b', { parallelism: 2 }),
    ]);
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.templates[1].timeout', message: "invalid duration format in timeout: '30' needs a unit, e.g. 30s" },
      { path: 'spec.templates[2].parallelism', message: 'parallelism is only valid for steps and dag templates' },
    ]);
  });

  it('checks the exit handler, hooks, podGC and pod resources', () => {
    const workflow = buildWorkflow([buildContainer()], {
      onExit: 'cleanup',
      hooks: { running: { template: 'main' } },
      podGC: { strategy: 'Never', labelSelector: { matchExpressions: [{ key: 'a', operator: 'Equals' }] } },
      podResources: { limits: { 'nvidia.com/gpu': '1' } },
    });
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.onExit', message: "template name 'cleanup' undefined" },
      { path: 'spec.hooks.running.expression', message: "hook 'running' needs an expression" },
      { path: 'spec.podGC.strategy', message: "unknown podGC strategy 'Never': use OnPodCompletion, OnPodSuccess, OnWorkflowCompletion, OnWorkflowSuccess" },
      { path: 'spec.podGC.labelSelector.matchExpressions[0].operator', message: 'invalid label selector: "Equals" is not a valid label selector operator' },
      {
        path: 'spec.podResources.limits["nvidia.com/gpu"]',
        message: '"nvidia.com/gpu" is not a valid pod-level resource, only cpu, memory and hugepages-* are supported',
      },
    ]);
  });

  it('limits the name to 63 characters', () => {
    const workflow = { ...buildWorkflow([buildContainer()]), metadata: { name: 'a'.repeat(64) } };
    expect(errorsOf(workflow)).toEqual([
      { path: 'metadata.name', message: `workflow name "${'a'.repeat(64)}" must not be more than 63 characters long (currently 64)` },
    ]);
  });
});

describe('validateWorkflow: arguments and inputs', () => {
  it('lets lint pass arguments without values, but not submission', () => {
    const workflow = buildWorkflow([buildContainer()], { arguments: { parameters: [{ name: 'p' }] } });
    expect(errorsOf(workflow)).toEqual([]);
    expect(errorsOf(workflow, { options: { lint: false } })).toEqual([
      { path: 'spec.arguments.parameters[0]', message: "parameter 'p' needs a value or valueFrom" },
    ]);
  });

  it('checks enums, valueFrom and argument names', () => {
    const enumWorkflow = buildWorkflow([buildContainer()], { arguments: { parameters: [{ name: 'p', value: 'z', enum: ['a', 'b'] }] } });
    expect(errorsOf(enumWorkflow)).toEqual([
      { path: 'spec.arguments.parameters[0].value', message: "value 'z' is not one of the enum values: a, b" },
    ]);
    const valueFrom = buildWorkflow([buildContainer()], { arguments: { parameters: [{ name: 'p', valueFrom: { path: '/x' } }] } });
    expect(errorsOf(valueFrom)).toEqual([
      { path: 'spec.arguments.parameters[0].valueFrom', message: 'valueFrom only allows: default, configMapKeyRef and supplied' },
    ]);
    const badName = buildWorkflow([buildContainer()], { arguments: { parameters: [{ name: 'a.b', value: '1' }] } });
    expect(errorsOf(badName)[0]?.path).toBe('spec.arguments.parameters[0].name');
  });

  it("binds the entrypoint's inputs to the workflow's arguments", () => {
    const template = buildContainer('main', { inputs: { parameters: [{ name: 'p' }] } });
    expect(errorsOf(buildWorkflow([template]))).toEqual([{ path: 'spec.templates[0]', message: 'inputs.parameters.p was not supplied' }]);
    expect(errorsOf(buildWorkflow([template], { arguments: { parameters: [{ name: 'p', value: 'v' }] } }))).toEqual([]);
  });

  it('requires inputs that no step supplies and that have no default', () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'c' }]] },
      buildContainer('c', { inputs: { parameters: [{ name: 'p' }], artifacts: [{ name: 'art', path: '/tmp/a' }] } }),
    ]);
    expect(errorsOf(workflow)).toEqual([{ path: 'spec.templates[1]', message: 'inputs.parameters.p was not supplied' }]);
  });
});

describe('validateWorkflow: variables', () => {
  const echo = (arg: string, extra = {}) => buildContainer('main', { container: { image: 'a', args: [arg] }, ...extra });

  it('resolves inputs, workflow parameters, labels and runtime variables', () => {
    const workflow = buildWorkflow(
      [echo('{{inputs.parameters.x}} {{workflow.parameters.p}} {{workflow.labels.team}} {{pod.name}} {{workflow.name}}', { inputs: { parameters: [{ name: 'x', value: '1' }] } })],
      { arguments: { parameters: [{ name: 'p', value: 'v' }] }, workflowMetadata: { labels: { team: 't' } } },
    );
    expect(errorsOf(workflow)).toEqual([]);
  });

  it('points at the field holding a variable that cannot resolve', () => {
    expect(errorsOf(buildWorkflow([echo('{{inputs.parameters.x}}')]))).toEqual([
      { path: 'spec.templates[0].container.args[0]', message: 'failed to resolve {{inputs.parameters.x}}' },
    ]);
    expect(errorsOf(buildWorkflow([echo('{{workflow.parameters.p}}')]))).toEqual([
      { path: 'spec.templates[0].container.args[0]', message: 'failed to resolve {{workflow.parameters.p}}' },
    ]);
  });

  it('leaves expressions and other prefixes alone', () => {
    expect(errorsOf(buildWorkflow([echo('{{=nothing.here + 1}} {{custom.tag}} {{item}}')]))).toEqual([]);
  });

  it('knows global outputs exported by steps before the exit handler runs', () => {
    const exporter = buildContainer('export', { outputs: { parameters: [{ name: 'o', globalName: 'g', valueFrom: { path: '/tmp/o' } }] } });
    const exit = buildContainer('exit', { container: { image: 'a', args: ['{{workflow.outputs.parameters.g}} {{workflow.status}} {{workflow.failures}}'] } });
    const main = { name: 'main', steps: [[{ name: 'a', template: 'export' }]] };
    expect(errorsOf(buildWorkflow([main, exporter, exit], { onExit: 'exit' }))).toEqual([]);
    // Like Argo, only a step or task that runs the exporter makes its global outputs known.
    expect(errorsOf(buildWorkflow([exporter, exit], { entrypoint: 'export', onExit: 'exit' }))).toEqual([
      { path: 'spec.templates[1].container.args[0]', message: 'failed to resolve {{workflow.outputs.parameters.g}}' },
    ]);
  });
});

describe('validateWorkflow: leaf templates', () => {
  it('checks images, with templateDefaults', () => {
    const noImage = { name: 'main', container: { command: ['x'] } };
    expect(errorsOf(buildWorkflow([noImage]))).toEqual([{ path: 'spec.templates[0].container.image', message: 'image may not be empty' }]);
    expect(errorsOf(buildWorkflow([noImage], { templateDefaults: { container: { image: 'a' } } }))).toEqual([]);
  });

  it('checks retry policies, deadlines, mounts, sidecars and init containers', () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'r' }, { name: 'b', template: 'd' }, { name: 'c', template: 'm' }, { name: 'e', template: 's' }, { name: 'f', template: 'i' }]] },
      buildContainer('r', { retryStrategy: { retryPolicy: 'Sometimes' } }),
      buildContainer('d', { activeDeadlineSeconds: 'soon' }),
      buildContainer('m', { container: { image: 'a', volumeMounts: [{ name: 'v', mountPath: '/x' }, { name: 'w', mountPath: '/x' }] } }),
      buildContainer('s', { sidecars: [{ name: 'wait', image: 'a' }] }),
      buildContainer('i', { initContainers: [{ name: '', image: 'a' }] }),
    ]);
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.templates[1].retryStrategy.retryPolicy', message: "'Sometimes' is not a valid RetryPolicy: use Always, OnError, OnFailure or OnTransientError" },
      { path: 'spec.templates[2].activeDeadlineSeconds', message: 'activeDeadlineSeconds must be a positive integer > 0 or an argo variable' },
      { path: 'spec.templates[3].container.volumeMounts[1].mountPath', message: "mountPath '/x' already mounted in container.volumeMounts.v" },
      { path: 'spec.templates[4].sidecars[0].name', message: "'wait' is a reserved Argo container name" },
      { path: 'spec.templates[5].initContainers[0].name', message: 'initContainers must all have container name' },
    ]);
  });

  it('checks resource templates', () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'x' }, { name: 'b', template: 'y' }]] },
      { name: 'x', resource: { action: 'explode', manifest: 'a: b' } },
      { name: 'y', resource: { action: 'create', manifest: 'a: [b' } },
    ]);
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.templates[1].resource.action', message: 'action must be one of: get, create, apply, delete, replace, patch' },
      { path: 'spec.templates[2].resource.manifest', message: 'manifest must be valid YAML' },
    ]);
  });

  it('checks outputs, artifacts and metrics', () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'o' }, { name: 'b', template: 't' }, { name: 'c', template: 'm' }]] },
      buildContainer('o', { outputs: { parameters: [{ name: 'o' }] } }),
      buildContainer('t', { outputs: { artifacts: [{ name: 'a', path: '/tmp/a/../../etc' }] } }),
      buildContainer('m', { metrics: { prometheus: [{ name: 'bad-name', help: 'h', counter: { value: '1' } }] } }),
    ]);
    expect(errorsOf(workflow)).toEqual([
      { path: 'spec.templates[1].outputs.parameters[0]', message: "output parameter 'o' does not have valueFrom or value specified" },
      {
        path: 'spec.templates[2].outputs.artifacts[0].path',
        message: "artifact 'a' attempted to use a path containing '..'. Directory traversal is not permitted",
      },
      {
        path: 'spec.templates[3].metrics.prometheus[0].name',
        message: "metric name 'bad-name' is invalid. Metric names must contain alphanumeric characters or '_'",
      },
    ]);
  });

  it('rejects plugin templates for plugins the server does not have, when told which it has', () => {
    const workflow = buildWorkflow([{ name: 'main', plugin: { slack: { text: 'hi' } } }]);
    expect(errorsOf(workflow)).toEqual([]);
    expect(errorsOf(workflow, { options: { executorPlugins: [] } })).toEqual([
      { path: 'spec.templates[0].plugin', message: "executor plugin 'slack' is not configured (no executor plugins are configured)" },
    ]);
    expect(errorsOf(workflow, { options: { executorPlugins: ['slack'] } })).toEqual([]);
  });
});

describe('validateWorkflow: references to WorkflowTemplates', () => {
  const shared = buildWorkflowTemplate('shared', [buildContainer('hello', { inputs: { parameters: [{ name: 'm', value: 'x' }] } })], {
    entrypoint: 'hello',
    arguments: { parameters: [{ name: 'greeting', value: 'hi' }] },
  });
  const resolver = createTemplateResolver([shared]);

  it('resolves templateRef and workflowTemplateRef through the resolver', () => {
    const steps = buildWorkflow([{ name: 'main', steps: [[{ name: 'a', templateRef: { name: 'shared', template: 'hello' } }]] }]);
    expect(errorsOf(steps, { resolver })).toEqual([]);
    const byRef = { ...buildWorkflow([]), spec: { workflowTemplateRef: { name: 'shared' } } };
    expect(errorsOf(byRef, { resolver })).toEqual([]);
  });

  it('reports missing templates and WorkflowTemplates at the reference', () => {
    const missingTemplate = buildWorkflow([{ name: 'main', steps: [[{ name: 'a', templateRef: { name: 'shared', template: 'nope' } }]] }]);
    expect(errorsOf(missingTemplate, { resolver })).toEqual([
      { path: 'spec.templates[0].steps[0][0].templateRef.template', message: 'template "nope" not found in WorkflowTemplate "shared"' },
    ]);
    const missingResource = { ...buildWorkflow([]), spec: { workflowTemplateRef: { name: 'other', clusterScope: true } } };
    expect(errorsOf(missingResource, { resolver })).toEqual([
      { path: 'spec.workflowTemplateRef.name', message: 'ClusterWorkflowTemplate "other" not found' },
    ]);
    const withTemplates = { ...buildWorkflow([buildContainer()]), spec: { workflowTemplateRef: { name: 'shared' }, templates: [buildContainer()] } };
    expect(errorsOf(withTemplates, { resolver })).toEqual([
      { path: 'spec.templates', message: 'templates cannot be set when the workflow uses a workflowTemplateRef' },
    ]);
  });

  it('restates problems inside a referenced WorkflowTemplate at the reference', () => {
    const broken = buildWorkflowTemplate('broken', [{ name: 'bad', container: { command: ['x'] } }]);
    const workflow = buildWorkflow([{ name: 'main', steps: [[{ name: 'a', templateRef: { name: 'broken', template: 'bad' } }]] }]);
    expect(errorsOf(workflow, { resolver: createTemplateResolver([broken]) })).toEqual([
      {
        path: 'spec.templates[0].steps[0][0].templateRef',
        message: 'in WorkflowTemplate "broken": spec.templates[0].container.image: image may not be empty',
      },
    ]);
  });

  it('skips references that are only known at runtime', () => {
    const workflow = buildWorkflow([
      { name: 'main', steps: [[{ name: 'a', template: 'router', withItems: ['hello'], arguments: { parameters: [{ name: 't', value: '{{item}}' }] } }]] },
      { name: 'router', inputs: { parameters: [{ name: 't' }] }, steps: [[{ name: 'b', templateRef: { name: 'shared', template: '{{inputs.parameters.t}}' } }]] },
    ]);
    expect(errorsOf(workflow, { resolver })).toEqual([]);
  });
});

describe('validateWorkflowTemplate and validateClusterWorkflowTemplate', () => {
  it('makes the entrypoint optional and workflow parameters unknowable', () => {
    const template = buildWorkflowTemplate('t', [buildContainer('main', { container: { image: 'a', args: ['{{workflow.parameters.anything}}'] } })]);
    expect(validateWorkflowTemplate(template).errors).toEqual([]);
  });

  it('validates every template and the name length', () => {
    const template = buildWorkflowTemplate('t', [buildContainer(), { name: 'x' }]);
    expect(validateWorkflowTemplate(template).errors).toEqual([
      { path: 'spec.templates[1]', message: "template 'x' has no type: set one of container, containerSet, script, resource, dag, steps, suspend, data, http or plugin" },
    ]);
    const long = { ...buildWorkflowTemplate('t', [buildContainer()]), kind: 'ClusterWorkflowTemplate', metadata: { name: 'c'.repeat(64) } };
    expect(validateClusterWorkflowTemplate(long).errors).toEqual([
      { path: 'metadata.name', message: `cluster workflow template name "${'c'.repeat(64)}" must not be more than 63 characters long (currently 64)` },
    ]);
  });
});
