import type { Template, TemplateRef, WorkflowSpec } from '@/lib/generated/argo';
import { placeholderPrefix } from './placeholders';
import { isExpressionTag, scanTemplateTags } from './template-tags';
import { getTemplateKind } from './template-kind';
import type { ResolvedTemplate, TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';
import type { ValidationIssue } from './types';

/** Something that names a template: a step, a DAG task, the entrypoint, an exit handler. */
export interface TemplateHolder {
  template?: string;
  templateRef?: TemplateRef;
  inline?: Template;
  /** Where problems with the holder are reported. */
  path: string;
  /** Where problems with one of its fields are reported (the holder's own path when it has no such field). */
  fieldPath(field: 'template' | 'templateRef' | 'inline'): string;
  /** Where problems with `templateRef.name` or `templateRef.template` are reported, when not below templateRef. */
  refFieldPath?(field: 'name' | 'template'): string;
}

function refField(holder: TemplateHolder, field: 'name' | 'template'): string {
  return holder.refFieldPath?.(field) ?? `${holder.fieldPath('templateRef')}.${field}`;
}

/** The outcome of resolving a holder: a template, a reason it cannot be found, or "only known at runtime". */
export type Resolution = { resolved: ResolvedTemplate } | { issue: ValidationIssue } | { dynamic: true };

/** Argo's addPodMetadata: a base's podMetadata fills in each template's metadata, without overriding it. */
function withPodMetadata(template: Template, spec: WorkflowSpec): Template {
  const pod = spec.podMetadata;
  if (pod === undefined || (Object.keys(pod.annotations ?? {}).length === 0 && Object.keys(pod.labels ?? {}).length === 0)) {
    return template;
  }
  const metadata = { ...template.metadata };
  if (Object.keys(pod.annotations ?? {}).length > 0) metadata.annotations = { ...pod.annotations, ...metadata.annotations };
  if (Object.keys(pod.labels ?? {}).length > 0) metadata.labels = { ...pod.labels, ...metadata.labels };
  return { ...template, metadata };
}

// Each base's templates by name, found once: a DAG of thousands of tasks names one template thousands of times,
// and giving back the same object each time lets `ValidationState.passed` recognise it.
const templatesOfBase = new WeakMap<TemplateBase, Map<string, ResolvedTemplate>>();

/** The template of a given name in a base, with its path. */
export function findTemplateByName(base: TemplateBase, name: string): ResolvedTemplate | undefined {
  let byName = templatesOfBase.get(base);
  if (byName === undefined) {
    byName = new Map();
    for (const [index, template] of (base.spec.templates ?? []).entries()) {
      // The first of a name wins, as a search from the start would find it.
      if (template.name !== undefined && !byName.has(template.name)) byName.set(template.name, { template: withPodMetadata(template, base.spec), path: `${base.specPath}.templates[${index}]`, base });
    }
    templatesOfBase.set(base, byName);
  }
  return byName.get(name);
}

/** The base a templateRef points into, or undefined when the resolver does not have it. */
export function findReferencedBase(state: ValidationState, ref: TemplateRef): TemplateBase | undefined {
  // Once per manifest and validation: a step or task per reference would each ask the resolver again.
  const key = `${ref.clusterScope === true ? 'cluster' : 'namespaced'}/${ref.name ?? ''}`;
  if (!state.bases.has(key)) state.bases.set(key, lookUpBase(state, ref));
  return state.bases.get(key);
}

function lookUpBase(state: ValidationState, ref: TemplateRef): TemplateBase | undefined {
  const name = ref.name ?? '';
  if (ref.clusterScope === true) {
    const found = state.resolver?.getClusterWorkflowTemplate(name);
    if (found?.spec === undefined) return undefined;
    const document = `ClusterWorkflowTemplate "${name}"`;
    return { kind: 'ClusterWorkflowTemplate', name, spec: found.spec, specPath: 'spec', document, scope: 'cluster' };
  }
  const found = state.resolver?.getWorkflowTemplate(name, state.namespace);
  if (found?.spec === undefined) return undefined;
  const document = `WorkflowTemplate "${name}"`;
  return { kind: 'WorkflowTemplate', name, spec: found.spec, specPath: 'spec', document, scope: 'namespaced' };
}

function hasSimpleTags(value: unknown): boolean {
  const scan = scanTemplateTags(JSON.stringify(value));
  return scan.error !== undefined || scan.tags.some((tag) => !isExpressionTag(tag));
}

function resolveRef(state: ValidationState, holder: TemplateHolder, ref: TemplateRef): Resolution {
  // A reference still holding variables is resolved at runtime, so Argo skips it.
  if (hasSimpleTags(ref)) return { dynamic: true };
  const dynamic = (ref.template ?? '').includes(placeholderPrefix);
  const kind = ref.clusterScope === true ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  const base = findReferencedBase(state, ref);
  if (base === undefined) {
    if (dynamic) return { dynamic: true };
    // Argo, too, fails here: it resolves the name after substituting a placeholder for the variable.
    const why = (ref.name ?? '').includes(placeholderPrefix) ? ' (its name comes from a variable, which validation cannot resolve)' : '';
    return { issue: toIssue(refField(holder, 'name'), `${kind} "${ref.name}" not found${why}`) };
  }
  const resolved = findTemplateByName(base, ref.template ?? '');
  if (resolved === undefined) {
    if (dynamic) return { dynamic: true };
    return { issue: toIssue(refField(holder, 'template'), `template "${ref.template}" not found in ${kind} "${ref.name}"`) };
  }
  return { resolved };
}

/**
 * Finds the template a holder names, in Argo's order of checks (templateResolution plus the checks in
 * validateTemplateHolder): a templateRef, then a template name, then an inline template.
 */
export function resolveTemplateHolder(state: ValidationState, holder: TemplateHolder, base: TemplateBase): Resolution {
  let resolution: Resolution;
  if (holder.templateRef != null) {
    const ref = holder.templateRef;
    if (holder.template) return { issue: toIssue(holder.fieldPath('template'), 'template name cannot be specified with templateRef') };
    if (!ref.name) return { issue: toIssue(refField(holder, 'name'), 'templateRef.name is required') };
    if (!ref.template) return { issue: toIssue(refField(holder, 'template'), 'templateRef.template is required') };
    resolution = resolveRef(state, holder, ref);
  } else if (holder.inline != null) {
    resolution = { resolved: { template: holder.inline, path: holder.fieldPath('inline'), base } };
  } else if (holder.template) {
    const found = findTemplateByName(base, holder.template);
    if (found === undefined) return { issue: toIssue(holder.fieldPath('template'), `template name '${holder.template}' undefined`) };
    resolution = { resolved: found };
  } else {
    return { issue: toIssue(holder.path, 'no template to run: set template, templateRef or inline') };
  }
  if ('resolved' in resolution && getTemplateKind(resolution.resolved.template) === 'Unknown') {
    const { template, path } = resolution.resolved;
    const issue = toIssue(path, `template '${template.name ?? ''}' has no type: set one of container, containerSet, script, resource, dag, steps, suspend, data, http or plugin`);
    return { issue: rebase(issue, resolution.resolved.base, base, holder) };
  }
  return resolution;
}

/**
 * An issue found inside a referenced manifest, restated at the holder that references it, so that every issue
 * path points into the manifest being validated.
 */
export function rebase(issue: ValidationIssue, inner: TemplateBase, outer: TemplateBase, holder: TemplateHolder): ValidationIssue {
  if (inner.document === outer.document) return issue;
  return toIssue(holder.fieldPath('templateRef'), `in ${inner.document}: ${issue.path}: ${issue.message}`);
}
