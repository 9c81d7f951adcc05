import type { Arguments, Artifact, Parameter, WorkflowSpec } from '@/lib/generated/argo';
import { isParameterReference } from './add-to-scope';
import { checkLabelSelector } from './check-label-selector';
import { checkFieldNames } from './field-names';
import { toArgumentSource, toFakeArguments } from './process-args';
import type { TemplateHolder } from './resolve-template';
import { findReferencedBase } from './resolve-template';
import { anyWorkflowOutputArtifactKey } from './resolve-variables';
import { checkHooks } from './template-holder-of';
import type { ValidationIssue } from './types';
import { validateArguments } from './validate-arguments';
import { checkPodResources, validateTemplateHolder } from './validate-template';
import type { TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';

/** The workflow being validated, as Argo's validate.Workflow sees it (WorkflowTemplates arrive converted). */
export interface WorkflowSubject {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: WorkflowSpec;
  /** JSON path of `spec` in the manifest. */
  specPath: string;
}

const podGcStrategies = ['', 'OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'];

/** Argument lists merged as Argo's MergeParameters does (first wins), remembering where each came from. */
function mergeByName<T extends Parameter | Artifact>(own: readonly T[], inherited: readonly T[], ownPath: string, inheritedPath: string) {
  const merged: T[] = [];
  const origins: string[] = [];
  const seen = new Set<string>();
  for (const [list, path] of [[own, ownPath], [inherited, inheritedPath]] as const) {
    for (const [index, item] of list.entries()) {
      if (seen.has(item.name)) continue;
      seen.add(item.name);
      merged.push(item);
      origins.push(path === ownPath ? `${path}[${index}]` : path);
    }
  }
  return { merged, origins };
}

function checkExecutorPlugins(spec: WorkflowSpec, specPath: string): ValidationIssue | undefined {
  for (const [index, plugin] of (spec.executorPlugins ?? []).entries()) {
    const at = `${specPath}.executorPlugins[${index}]`;
    if (!plugin.metadata?.name) return toIssue(`${at}.metadata.name`, 'executor plugin metadata name is mandatory');
    const container = plugin.spec?.sidecar?.container;
    const sidecar = `${at}.spec.sidecar.container`;
    if ((container?.ports ?? []).length < 1) return toIssue(`${sidecar}.ports`, 'at least one port is mandatory');
    if (container?.resources?.requests == null) return toIssue(`${sidecar}.resources.requests`, 'resources requests are mandatory');
    if (container.resources.limits == null) return toIssue(`${sidecar}.resources.limits`, 'resources limits are mandatory');
    if (container.securityContext == null) return toIssue(`${sidecar}.securityContext`, 'security context is mandatory');
  }
  return undefined;
}

function addGlobals(state: ValidationState, subject: WorkflowSubject, args: Arguments, referenced: TemplateBase | undefined): void {
  const { globals, placeholders } = state;
  if ((args.parameters ?? []).length > 0) {
    globals.set('workflow.parameters', placeholders.next());
    globals.set('workflow.parameters.json', placeholders.next());
  }
  for (const param of args.parameters ?? []) {
    if (param.name) globals.set(`workflow.parameters.${param.name}`, param.value ?? placeholders.next());
  }
  const metadata = [subject.spec.workflowMetadata, referenced?.spec.workflowMetadata];
  const annotations = [subject.annotations, ...metadata.map((item) => item?.annotations)];
  const labels = [subject.labels, ...metadata.flatMap((item) => [item?.labels, item?.labelsFrom])];
  for (const key of new Set(annotations.flatMap((map) => Object.keys(map ?? {})))) globals.set(`workflow.annotations.${key}`, placeholders.next());
  for (const name of ['workflow.annotations', 'workflow.annotations.json']) globals.set(name, placeholders.next());
  for (const key of new Set(labels.flatMap((map) => Object.keys(map ?? {})))) globals.set(`workflow.labels.${key}`, placeholders.next());
  for (const name of ['workflow.labels', 'workflow.labels.json']) globals.set(name, placeholders.next());
  if (subject.spec.priority !== undefined) globals.set('workflow.priority', String(Math.trunc(subject.spec.priority)));
  globals.set('workflow.status', placeholders.next());
}

function toRefHolder(referencePath: string, name: string, clusterScope: boolean | undefined, template: string, templatePath: string): TemplateHolder {
  return {
    templateRef: { name, clusterScope, template },
    path: referencePath,
    fieldPath: () => referencePath,
    refFieldPath: (field) => (field === 'name' ? `${referencePath}.name` : templatePath),
  };
}

function toNameHolder(name: string, path: string): TemplateHolder {
  return { template: name, path, fieldPath: () => path };
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Argo's validate.Workflow over a workflow spec: arguments, entrypoint, exit handler, hooks, podGC, and then
 * every template. Argo stops at the first error; this continues where later checks are independent, so one
 * run reports every broken template.
 */
export function validateWorkflowSpec(state: ValidationState, subject: WorkflowSubject): ValidationIssue[] {
  const { spec, specPath } = subject;
  const { modes, globals, placeholders } = state;
  for (const name of ['workflow.name', 'workflow.namespace', 'workflow.mainEntrypoint', 'workflow.serviceAccountName', 'workflow.uid']) {
    globals.set(name, placeholders.next());
  }
  const base: TemplateBase = { kind: 'Workflow', name: subject.name, spec, specPath, document: '', scope: 'local' };
  let entrypoint = spec.entrypoint ?? '';
  const entrypointPath = spec.entrypoint ? `${specPath}.entrypoint` : `${specPath}.workflowTemplateRef`;
  const ref = spec.workflowTemplateRef;
  const refPath = `${specPath}.workflowTemplateRef`;
  let referenced: TemplateBase | undefined;
  if (ref != null) {
    if ((spec.templates ?? []).length > 0) return [toIssue(`${specPath}.templates`, 'templates cannot be set when the workflow uses a workflowTemplateRef')];
    referenced = findReferencedBase(state, { name: ref.name, clusterScope: ref.clusterScope });
    const kind = ref.clusterScope === true ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
    if (referenced === undefined) return [toIssue(`${refPath}.name`, `${kind} "${ref.name ?? ''}" not found`)];
    if (!entrypoint) entrypoint = referenced.spec.entrypoint ?? '';
  }
  const names = checkFieldNames((spec.templates ?? []).map((template) => template.name), 'field');
  if (names !== undefined) return [toIssue(`${specPath}.templates[${names.index}].name`, names.message)];
  const plugins = checkExecutorPlugins(spec, specPath);
  if (plugins !== undefined) return [plugins];

  const argsPath = `${specPath}.arguments`;
  let args: Arguments = spec.arguments ?? {};
  let origins: { parameters: string[]; artifacts: string[] } | undefined;
  if (referenced !== undefined) {
    const inherited = `${refPath} (${referenced.document} spec.arguments)`;
    const parameters = mergeByName(args.parameters ?? [], referenced.spec.arguments?.parameters ?? [], `${argsPath}.parameters`, inherited);
    const artifacts = mergeByName(args.artifacts ?? [], referenced.spec.arguments?.artifacts ?? [], `${argsPath}.artifacts`, inherited);
    args = { parameters: parameters.merged, artifacts: artifacts.merged };
    origins = { parameters: parameters.origins, artifacts: artifacts.origins };
  }
  const allowEmptyValues = modes.lint || (modes.workflowTemplateValidation && !modes.submit);
  const argsIssue = validateArguments(argsPath, args, allowEmptyValues);
  if (argsIssue !== undefined) {
    // Point at the argument's origin: the workflow's own list, or the WorkflowTemplate it inherits from.
    const match = /^(.*?\.(parameters|artifacts))\[(\d+)\]/.exec(argsIssue.path);
    const origin = match === null || origins === undefined ? undefined : origins[match[2] as 'parameters' | 'artifacts'][Number(match[3])];
    return [origin === undefined ? argsIssue : toIssue(argsIssue.path.replace(/^.*?\.(parameters|artifacts)\[\d+\]/, origin), argsIssue.message)];
  }
  addGlobals(state, subject, args, referenced);
  if (!modes.ignoreEntrypoint && !entrypoint) return [toIssue(`${specPath}.entrypoint`, 'spec.entrypoint is required')];

  const issues: ValidationIssue[] = [];
  const holderFor = (name: string, path: string) =>
    ref != null ? toRefHolder(refPath, ref.name ?? '', ref.clusterScope, name, path) : toNameHolder(name, path);
  if (!modes.ignoreEntrypoint) {
    const entryArgs = modes.workflowTemplateValidation ? toFakeArguments(placeholders) : toArgumentSource(args);
    const outcome = validateTemplateHolder(state, holderFor(entrypoint, entrypointPath), base, entryArgs);
    if (outcome.issue !== undefined) issues.push(outcome.issue);
  }
  const onExit = spec.onExit || (ref != null ? (referenced?.spec.onExit ?? '') : '');
  if (onExit) {
    globals.set('workflow.failures', placeholders.next());
    const templates = [...(spec.templates ?? []), ...(referenced?.spec.templates ?? [])];
    if (templates.some((template) => (template.outputs?.artifacts ?? []).some((artifact) => !!artifact.globalName && isParameterReference(artifact.globalName)))) {
      globals.set(anyWorkflowOutputArtifactKey, 'true');
    }
    const onExitPath = spec.onExit ? `${specPath}.onExit` : refPath;
    const outcome = validateTemplateHolder(state, holderFor(onExit, onExitPath), base, toArgumentSource(spec.arguments));
    if (outcome.issue !== undefined) issues.push(outcome.issue);
  }
  const hooks = checkHooks(spec.hooks, `${specPath}.hooks`);
  if (hooks !== undefined) issues.push(toIssue(hooks.path, hooks.message));
  const strategy = spec.podGC?.strategy ?? '';
  if (!podGcStrategies.includes(strategy)) {
    issues.push(toIssue(`${specPath}.podGC.strategy`, `unknown podGC strategy '${strategy}': use ${podGcStrategies.slice(1).join(', ')}`));
  }
  const selector = spec.podGC?.labelSelector == null ? undefined : checkLabelSelector(spec.podGC.labelSelector);
  if (selector !== undefined) issues.push(toIssue(`${specPath}.podGC.labelSelector.${selector.field}`, `invalid label selector: ${selector.message}`));
  const podResources = checkPodResources(`${specPath}.podResources`, spec.podResources);
  if (podResources !== undefined) issues.push(podResources);

  const templates = referenced !== undefined ? (referenced.spec.templates ?? []) : (spec.templates ?? []);
  for (const [index, template] of templates.entries()) {
    const name = template.name ?? '';
    const holder = ref != null ? holderFor(name, refPath) : toNameHolder(name, `${specPath}.templates[${index}]`);
    const outcome = validateTemplateHolder(state, holder, base, toFakeArguments(placeholders));
    if (outcome.issue !== undefined) issues.push(outcome.issue);
  }
  return dedupe(issues);
}
