import type { Template } from '@/lib/generated/argo';

/** A template's kind, as Argo's Template.GetType names it. */
export type TemplateKind =
  | 'Container'
  | 'ContainerSet'
  | 'Steps'
  | 'DAG'
  | 'Script'
  | 'Resource'
  | 'Data'
  | 'Suspend'
  | 'HTTP'
  | 'Plugin'
  | 'Unknown';

// Go checks pointers against nil, so an empty object (`suspend: {}`) or list (`steps: []`) still counts.
const kindFields: readonly [keyof Template, TemplateKind][] = [
  ['container', 'Container'],
  ['containerSet', 'ContainerSet'],
  ['steps', 'Steps'],
  ['dag', 'DAG'],
  ['script', 'Script'],
  ['resource', 'Resource'],
  ['data', 'Data'],
  ['suspend', 'Suspend'],
  ['http', 'HTTP'],
  ['plugin', 'Plugin'],
];

/** The fields that each make a template of one kind; a valid template sets exactly one. */
export function listKindFields(template: Template): (keyof Template)[] {
  return kindFields.filter(([field]) => template[field] !== undefined && template[field] !== null).map(([field]) => field);
}

/** The template's kind: the first kind field set, in Argo's order. */
export function getTemplateKind(template: Template): TemplateKind {
  return kindFields.find(([field]) => template[field] !== undefined && template[field] !== null)?.[1] ?? 'Unknown';
}

/** Whether the template runs in a pod of its own. */
export function isPodKind(template: Template): boolean {
  return ['Container', 'ContainerSet', 'Script', 'Resource', 'Data'].includes(getTemplateKind(template));
}

/** Whether the template does work itself rather than orchestrating other templates (steps, DAG, suspend). */
export function isLeafKind(template: Template): boolean {
  return ['Container', 'ContainerSet', 'Script', 'Resource', 'Data', 'HTTP', 'Plugin'].includes(getTemplateKind(template));
}

/** Whether the template produces `outputs.result` and `exitCode` (Argo's Template.HasOutput). */
export function hasResultOutput(template: Template): boolean {
  const mainContainer = template.containerSet?.containers?.some((container) => container.name === 'main') ?? false;
  return [template.container, template.script, template.data, template.http, template.plugin].some((field) => field != null) || mainContainer;
}
