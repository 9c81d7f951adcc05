import type { ResourceRequirements, Template } from '@/lib/generated/argo';
import { checkArtifactLocation } from './check-artifact';
import { toFieldPath } from './json-path';
import type { ArgumentSource } from './process-args';
import { isConstantTemplate, processArgs } from './process-args';
import type { TemplateHolder } from './resolve-template';
import { rebase, resolveTemplateHolder } from './resolve-template';
import { getTemplateKind, isLeafKind, isPodKind, listKindFields } from './template-kind';
import type { ValidationIssue } from './types';
import { validateDag } from './validate-dag';
import { validateInputs } from './validate-inputs';
import { validateLeaf } from './validate-leaf';
import { validateOutputs } from './validate-outputs';
import { validateSteps } from './validate-steps';
import type { ResolvedTemplate, TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';
import { VariableScope } from './variable-scope';

const retryPolicies = ['Always', 'OnError', 'OnFailure', 'OnTransientError', ''];
const metricName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** What validating a holder yields: the template it resolved to (undefined when only known at runtime), or why not. */
export interface HolderOutcome {
  template?: Template;
  issue?: ValidationIssue;
}

/** Argo's validatePodResources: pod-level resources may only name cpu, memory and hugepages-*. */
export function checkPodResources(path: string, resources: ResourceRequirements | undefined): ValidationIssue | undefined {
  if (resources == null) return undefined;
  if ((resources.claims ?? []).length > 0) return toIssue(`${path}.claims`, 'claims are not supported for pod-level resources');
  for (const field of ['limits', 'requests'] as const) {
    for (const name of Object.keys(resources[field] ?? {})) {
      if (name !== 'cpu' && name !== 'memory' && !name.startsWith('hugepages-')) {
        return toIssue(toFieldPath(`${path}.${field}`, name), `"${name}" is not a valid pod-level resource, only cpu, memory and hugepages-* are supported`);
      }
    }
  }
  return undefined;
}

function checkKindAndPodResources(template: Template, path: string): ValidationIssue | undefined {
  const kinds = listKindFields(template);
  if (kinds.length === 0) return toIssue(path, 'template type unspecified: set one of container, containerSet, script, resource, dag, steps, suspend, data, http or plugin');
  if (kinds.length > 1) return toIssue(path, `multiple template types specified (${kinds.join(', ')}): choose one`);
  if (template.podResources != null) {
    const kind = getTemplateKind(template);
    if (kind === 'HTTP' || kind === 'Plugin') return toIssue(`${path}.podResources`, `podResources is not supported for ${kind} templates`);
    return checkPodResources(`${path}.podResources`, template.podResources);
  }
  return undefined;
}

function checkMetrics(template: Template, path: string): ValidationIssue | undefined {
  for (const [index, metric] of (template.metrics?.prometheus ?? []).entries()) {
    const at = `${path}.metrics.prometheus[${index}]`;
    const name = metric.name ?? '';
    if (!metricName.test(name)) {
      return toIssue(`${at}.name`, `metric name '${name}' is invalid. Metric names must contain alphanumeric characters or '_'`);
    }
    const label = (metric.labels ?? []).findIndex((item) => !metricName.test(item.key ?? ''));
    if (label >= 0) {
      return toIssue(`${at}.labels[${label}].key`, `metric label '${metric.labels?.[label]?.key ?? ''}' is invalid: keys may only contain alphanumeric characters or '_'`);
    }
    if (!metric.help) return toIssue(`${at}.help`, `metric '${name}' must contain a help string under 'help: ' field`);
    if (metric.gauge != null) {
      if (!metric.gauge.value) return toIssue(`${at}.gauge.value`, 'missing gauge.value');
      if (metric.gauge.realtime === true && metric.gauge.value.includes('resourcesDuration.')) {
        return toIssue(`${at}.gauge.value`, "'resourcesDuration.*' metrics cannot be used in real-time");
      }
    }
    if (metric.counter != null && !metric.counter.value) return toIssue(`${at}.counter.value`, 'missing counter.value');
    if (metric.histogram != null && !metric.histogram.value) return toIssue(`${at}.histogram.value`, 'missing histogram.value');
  }
  return undefined;
}

// Variables a template gets from how it runs: its pod's name, and its retry attempt when it retries.
function addRunVariables(state: ValidationState, template: Template, scope: Set<string>, locals: Map<string, string>): void {
  const names = [
    ...(isPodKind(template) ? ['pod.name'] : []),
    ...(template.retryStrategy != null
      ? ['retries', 'lastRetry.exitCode', 'lastRetry.status', 'lastRetry.duration', 'lastRetry.message']
      : []),
  ];
  for (const name of names) {
    locals.set(name, state.placeholders.next());
    scope.add(name);
  }
  if (!isLeafKind(template)) return;
  for (const artifact of template.outputs?.artifacts ?? []) if (artifact.path) scope.add(`outputs.artifacts.${artifact.name}.path`);
  for (const param of template.outputs?.parameters ?? []) if (param.valueFrom?.path) scope.add(`outputs.parameters.${param.name}.path`);
}

function checkSubstituted(template: Template, path: string): ValidationIssue | undefined {
  if ((template.resourceClaims ?? []).length > 0 && !isPodKind(template)) {
    return toIssue(`${path}.resourceClaims`, `resourceClaims is not supported for ${getTemplateKind(template)} templates, which do not create a pod`);
  }
  if (template.timeout) {
    if (!isLeafKind(template)) return toIssue(`${path}.timeout`, `${getTemplateKind(template)} template doesn't support timeout field`);
    if (/^[+-]?\d+$/.test(template.timeout)) return toIssue(`${path}.timeout`, `invalid duration format in timeout: '${template.timeout}' needs a unit, e.g. 30s`);
  }
  if (template.pendingTimeout && !isLeafKind(template)) {
    return toIssue(`${path}.pendingTimeout`, `${getTemplateKind(template)} template doesn't support pendingTimeout field`);
  }
  return undefined;
}

/** Argo's validateTemplate: checks one resolved template, with its inputs bound to `args`. */
export function validateTemplate(state: ValidationState, resolved: ResolvedTemplate, args: ArgumentSource): ValidationIssue | undefined {
  const { template, path, base } = resolved;
  if (state.passed.has(template)) return undefined;
  const kindIssue = checkKindAndPodResources(template, path);
  if (kindIssue !== undefined) return kindIssue;
  const scope = validateInputs(template, path);
  if (!(scope instanceof VariableScope)) return scope;
  const unnamed = (template.initContainers ?? []).findIndex((container) => !container.name);
  if (unnamed >= 0) return toIssue(`${path}.initContainers[${unnamed}].name`, 'initContainers must all have container name');
  const locals = new Map<string, string>();
  addRunVariables(state, template, scope, locals);
  const substituted = processArgs(template, args, state.globals, locals);
  if (typeof substituted === 'string') return toIssue(path, substituted);
  const substitutedIssue = checkSubstituted(substituted, path);
  if (substitutedIssue !== undefined) return substitutedIssue;
  // Each template's body is checked once per base; later references only bind arguments (above).
  const key = `${base.scope}/${base.name}/${template.name ?? ''}`;
  if (state.validated.has(key)) return undefined;
  state.validated.add(key);
  for (const name of state.globals.keys()) scope.add(name);
  const holderValidator = (holder: TemplateHolder, holderBase: TemplateBase, holderArgs: ArgumentSource) =>
    validateTemplateHolder(state, holder, holderBase, holderArgs);
  const kind = getTemplateKind(substituted);
  const bodyIssue =
    kind === 'Steps'
      ? validateSteps(state, scope, base, substituted, path, holderValidator)
      : kind === 'DAG'
        ? validateDag(state, scope, base, substituted, path, holderValidator)
        : validateLeaf(state, scope, base, substituted, path);
  if (bodyIssue !== undefined) return bodyIssue;
  const outputsIssue = validateOutputs(state, scope, substituted, path);
  if (outputsIssue !== undefined) return outputsIssue;
  if (substituted.archiveLocation != null) {
    const location = checkArtifactLocation(substituted.archiveLocation);
    if (location !== undefined) return toIssue(`${path}.archiveLocation.${location.field}`, location.message);
  }
  const metricsIssue = checkMetrics(substituted, path);
  if (metricsIssue === undefined && isConstantTemplate(template)) state.passed.add(template);
  return metricsIssue;
}

/**
 * Argo's validateTemplateHolder: resolves what a step, task, entrypoint or exit handler names and validates it
 * with `args`. Issues inside another manifest are restated at the holder.
 */
export function validateTemplateHolder(state: ValidationState, holder: TemplateHolder, base: TemplateBase, args: ArgumentSource): HolderOutcome {
  const resolution = resolveTemplateHolder(state, holder, base);
  if ('issue' in resolution) return { issue: resolution.issue };
  if ('dynamic' in resolution) return {};
  const { resolved } = resolution;
  const policy = resolved.template.retryStrategy?.retryPolicy ?? '';
  if (!retryPolicies.includes(policy)) {
    const issue = toIssue(`${resolved.path}.retryStrategy.retryPolicy`, `'${policy}' is not a valid RetryPolicy: use Always, OnError, OnFailure or OnTransientError`);
    return { template: resolved.template, issue: rebase(issue, resolved.base, base, holder) };
  }
  const issue = validateTemplate(state, resolved, args);
  return { template: resolved.template, issue: issue === undefined ? undefined : rebase(issue, resolved.base, base, holder) };
}
