import { parseAllDocuments } from 'yaml';
import type { Template } from '@/lib/generated/argo';
import { extractFailedTag, locateText } from './locate-text';
import { isPlaceholder } from './placeholders';
import type { ScopeLookup } from './resolve-variables';
import { findUnresolvedVariable } from './resolve-variables';
import type { ValidationIssue } from './types';
import { checkContainerSet } from './validate-container-set';
import type { TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';

// Argo's validateLeaf: checks of templates that do the work (container, script, resource, containerSet...).

const reservedContainerNames = (name = '') => name === 'wait' || name === 'supervisor' || name.startsWith('artifact-plugin-');
const resourceActions = ['get', 'create', 'apply', 'delete', 'replace', 'patch'];

/** Whether a base's templateDefaults supplies an image for the given field (Argo only looks in Workflows and WorkflowTemplates). */
function hasDefaultImage(base: TemplateBase, field: 'container' | 'script'): boolean {
  if (base.kind === 'ClusterWorkflowTemplate') return false;
  return !!base.spec.templateDefaults?.[field]?.image;
}

/** Whether a resource manifest parses as YAML, after replacing `{{=...}}` expressions as Argo does. */
function isYaml(manifest: string): boolean {
  const replaced = manifest.replace(/{{\s*=\s*(.+?)\s*}}/g, 'placeholder');
  const [first] = parseAllDocuments(replaced, { version: '1.1', uniqueKeys: false });
  return first === undefined || !('errors' in first) || first.errors.length === 0;
}

function checkMounts(template: Template, path: string): ValidationIssue | undefined {
  const mounted = new Map<string, string>();
  for (const [index, mount] of (template.container?.volumeMounts ?? []).entries()) {
    const mountPath = mount.mountPath ?? '';
    const previous = mounted.get(mountPath);
    if (previous !== undefined) {
      return toIssue(`${path}.container.volumeMounts[${index}].mountPath`, `mountPath '${mountPath}' already mounted in ${previous}`);
    }
    mounted.set(mountPath, `container.volumeMounts.${mount.name ?? ''}`);
  }
  for (const [index, artifact] of (template.inputs?.artifacts ?? []).entries()) {
    const previous = mounted.get(artifact.path ?? '');
    if (previous !== undefined) {
      return toIssue(`${path}.inputs.artifacts[${index}].path`, `path '${artifact.path ?? ''}' already mounted in ${previous}`);
    }
    mounted.set(artifact.path ?? '', `inputs.artifacts.${artifact.name}`);
  }
  return undefined;
}

function checkContainerSetTemplate(template: Template, path: string): ValidationIssue | undefined {
  const containerSet = template.containerSet;
  if (containerSet == null) return undefined;
  const problem = checkContainerSet(containerSet);
  if (problem !== undefined) return toIssue(`${path}.containerSet.${problem.field}`, problem.message);
  const usesMain = (template.inputs?.artifacts ?? []).length > 0 || (template.outputs?.parameters ?? []).length > 0 ||
    (template.outputs?.artifacts ?? []).length > 0;
  if (usesMain && !(containerSet.containers ?? []).some((container) => container.name === 'main')) {
    return toIssue(`${path}.containerSet.containers`, 'containers must have a container named "main" for input or output');
  }
  const reserved = (containerSet.containers ?? []).findIndex((container) => reservedContainerNames(container.name));
  if (reserved >= 0) {
    return toIssue(`${path}.containerSet.containers[${reserved}].name`, `'${containerSet.containers?.[reserved]?.name}' is a reserved Argo container name`);
  }
  return undefined;
}

function checkResource(template: Template, path: string): ValidationIssue | undefined {
  const resource = template.resource;
  if (resource == null) return undefined;
  const at = `${path}.resource`;
  const action = resource.action ?? '';
  if (!isPlaceholder(action) && !resourceActions.includes(action)) {
    return toIssue(`${at}.action`, `action must be one of: ${resourceActions.join(', ')}`);
  }
  if (action === 'delete' || action === 'get') return undefined;
  if (!resource.manifest && resource.manifestFrom == null) return toIssue(at, 'either manifest or manifestFrom must be specified');
  if (resource.manifest && resource.manifestFrom != null) return toIssue(at, 'manifest and manifestFrom cannot both be specified');
  const artifact = resource.manifestFrom?.artifact;
  if (artifact != null && !(template.inputs?.artifacts ?? []).some((input) => input.name === artifact.name)) {
    return toIssue(`${at}.manifestFrom.artifact`, `manifestFrom refers to artifact '${artifact.name}', which is not an input artifact`);
  }
  if (resource.manifest && !isPlaceholder(resource.manifest) && !isYaml(resource.manifest)) {
    return toIssue(`${at}.manifest`, 'manifest must be valid YAML');
  }
  return undefined;
}

function checkActiveDeadline(template: Template, path: string): ValidationIssue | undefined {
  const value = template.activeDeadlineSeconds;
  if (value === undefined) return undefined;
  const message = 'activeDeadlineSeconds must be a positive integer > 0 or an argo variable';
  if (typeof value === 'number') return value < 0 ? toIssue(`${path}.activeDeadlineSeconds`, message) : undefined;
  const integer = /^[+-]?\d+$/.test(value);
  const variable = value.startsWith('{{') && value.endsWith('}}');
  // A placeholder stands for a variable substituted away, which is fine.
  if (!integer && !variable && !isPlaceholder(value)) return toIssue(`${path}.activeDeadlineSeconds`, message);
  return integer && Number(value) < 0 ? toIssue(`${path}.activeDeadlineSeconds`, message) : undefined;
}

/** The first problem with a leaf template (already substituted), with `scope` the variables it may use. */
export function validateLeaf(
  state: ValidationState,
  scope: ScopeLookup,
  base: TemplateBase,
  template: Template,
  path: string,
): ValidationIssue | undefined {
  const unresolved = findUnresolvedVariable(JSON.stringify(template), scope, state.globals, state.modes.workflowTemplateValidation);
  if (unresolved !== undefined) {
    const tag = extractFailedTag(unresolved);
    return toIssue(tag === undefined ? path : locateText(template, tag, path), unresolved);
  }
  if (template.container != null) {
    const mounts = checkMounts(template, path);
    if (mounts !== undefined) return mounts;
    if (!template.container.image && !hasDefaultImage(base, 'container')) return toIssue(`${path}.container.image`, 'image may not be empty');
  }
  const containerSet = checkContainerSetTemplate(template, path);
  if (containerSet !== undefined) return containerSet;
  const sidecar = (template.sidecars ?? []).findIndex((container) => reservedContainerNames(container.name));
  if (sidecar >= 0) return toIssue(`${path}.sidecars[${sidecar}].name`, `'${template.sidecars?.[sidecar]?.name}' is a reserved Argo container name`);
  const resource = checkResource(template, path);
  if (resource !== undefined) return resource;
  if (template.script != null && !template.script.image && !hasDefaultImage(base, 'script')) {
    return toIssue(`${path}.script.image`, 'image may not be empty');
  }
  if (template.plugin != null && state.modes.executorPlugins !== undefined) {
    const plugin = Object.keys(template.plugin)[0] ?? '';
    if (!state.modes.executorPlugins.includes(plugin)) {
      const configured = state.modes.executorPlugins.length === 0 ? 'no executor plugins are configured' : `configured: ${state.modes.executorPlugins.join(', ')}`;
      return toIssue(`${path}.plugin`, `executor plugin '${plugin}' is not configured (${configured})`);
    }
  }
  const deadline = checkActiveDeadline(template, path);
  if (deadline !== undefined) return deadline;
  if (template.parallelism !== undefined) return toIssue(`${path}.parallelism`, 'parallelism is only valid for steps and dag templates');
  return undefined;
}
