import type { Template } from '../generated/argo';

export type TemplateType = 'container' | 'script' | 'containerSet' | 'resource' | 'steps' | 'dag' | 'suspend' | 'data' | 'http' | 'plugin';

/** Which kind of work a template describes; undefined when it has no specification. */
export function templateType(template: Template): TemplateType | undefined {
  if (template.container) return 'container';
  if (template.script) return 'script';
  if (template.containerSet) return 'containerSet';
  if (template.resource) return 'resource';
  if (template.steps) return 'steps';
  if (template.dag) return 'dag';
  if (template.suspend) return 'suspend';
  if (template.data) return 'data';
  if (template.http) return 'http';
  if (template.plugin) return 'plugin';
  return undefined;
}

/** Templates that run as a pod (or a local process in embedded mode). */
export function isPodTemplate(template: Template): boolean {
  const type = templateType(template);
  return type === 'container' || type === 'script' || type === 'containerSet' || type === 'resource' || type === 'data';
}

/**
 * The type Argo gives the node a template creates before it runs (`Pod` for the work templates); Argo makes a
 * template with a retryStrategy a `Retry` node, except where it reuses a finished result (a memoized hit).
 */
export function nodeTypeOf(template: Template, options: { retryNode?: boolean } = {}): string {
  if (options.retryNode && template.retryStrategy) return 'Retry';
  switch (templateType(template)) {
    case 'steps': return 'Steps';
    case 'dag': return 'DAG';
    case 'suspend': return 'Suspend';
    case 'http': return 'HTTP';
    case 'plugin': return 'Plugin';
    default: return 'Pod';
  }
}
