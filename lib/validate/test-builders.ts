import type { Template } from '@/lib/generated/argo';

// Builders for validation tests: small, valid manifests that each test bends into the case it needs. Tests
// also build invalid ones, so inputs are loosely typed.

/** A template, or something meant to look like one. */
export type LooseTemplate = Template | Record<string, unknown>;

/** A container template that is valid on its own. */
export function buildContainer(name = 'main', extra: Record<string, unknown> = {}): Template {
  return { name, container: { image: 'alpine:3.23', command: ['echo'] }, ...extra } as Template;
}

/** A Workflow manifest with the given templates; `entrypoint` defaults to the first template's name. */
export function buildWorkflow(templates: LooseTemplate[], spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'test-' },
    spec: { entrypoint: templates[0]?.name, templates, ...spec },
  };
}

/** A WorkflowTemplate manifest named `name`. */
export function buildWorkflowTemplate(name: string, templates: LooseTemplate[], spec: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name }, spec: { templates, ...spec } };
}

/** A CronWorkflow manifest running every minute. */
export function buildCronWorkflow(workflowSpec: Record<string, unknown>, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: { name: 'cron' },
    spec: { schedules: ['* * * * *'], workflowSpec, ...spec },
  };
}
