import type { Template, WorkflowSpec } from '../generated/argo';
import type { PodSpecManifest } from './pod-manifest';

const nonEmpty = <T>(value: T[] | Record<string, string> | undefined): boolean =>
  value !== undefined && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);

/**
 * Node selector, affinity, tolerations, scheduler, priority class, host aliases and security context: the template's,
 * else its boundary template's (the steps or DAG that called it), else the workflow's (addSchedulingConstraints).
 */
export function toSchedulingConstraints(spec: WorkflowSpec, template: Template, boundary: Template | undefined): Partial<PodSpecManifest> {
  const out: Partial<PodSpecManifest> = {};
  const pick = <K extends 'nodeSelector' | 'affinity' | 'tolerations'>(key: K) => {
    for (const source of [template, boundary, spec]) {
      const value = source?.[key];
      if (key === 'affinity' ? value !== undefined : nonEmpty(value as never)) return value;
    }
    return undefined;
  };
  const nodeSelector = pick('nodeSelector');
  if (nodeSelector) out.nodeSelector = nodeSelector as Record<string, string>;
  const affinity = pick('affinity');
  if (affinity) out.affinity = affinity as PodSpecManifest['affinity'];
  const tolerations = pick('tolerations');
  if (tolerations) out.tolerations = tolerations as PodSpecManifest['tolerations'];
  const schedulerName = template.schedulerName || spec.schedulerName;
  if (schedulerName) out.schedulerName = schedulerName;
  const priorityClassName = template.priorityClassName || spec.podPriorityClassName;
  if (priorityClassName) out.priorityClassName = priorityClassName;
  const hostAliases = [...(spec.hostAliases ?? []), ...(template.hostAliases ?? [])];
  if (hostAliases.length) out.hostAliases = hostAliases;
  const securityContext = template.securityContext ?? spec.securityContext;
  if (securityContext) out.securityContext = securityContext;
  return out;
}

/** The pod's service account and token automounting (setupServiceAccount), the template's over the workflow's. */
export function toServiceAccount(spec: WorkflowSpec, template: Template): Partial<PodSpecManifest> {
  const out: Partial<PodSpecManifest> = {};
  const serviceAccountName = template.serviceAccountName || spec.serviceAccountName;
  if (serviceAccountName) out.serviceAccountName = serviceAccountName;
  const automount = template.automountServiceAccountToken ?? spec.automountServiceAccountToken;
  if (automount === false) out.automountServiceAccountToken = false;
  return out;
}

/** Pod-level DNS, host network, pull secrets, resources and resource claims: the template's over the workflow's. */
export function toPodLevelSettings(spec: WorkflowSpec, template: Template): Partial<PodSpecManifest> {
  const out: Partial<PodSpecManifest> = {};
  if (spec.imagePullSecrets?.length) out.imagePullSecrets = spec.imagePullSecrets;
  if (spec.hostNetwork !== undefined) out.hostNetwork = spec.hostNetwork;
  if (spec.dnsPolicy) out.dnsPolicy = spec.dnsPolicy;
  if (spec.dnsConfig) out.dnsConfig = spec.dnsConfig;
  const resources = template.podResources ?? spec.podResources;
  if (resources) out.resources = resources;
  const claims = template.resourceClaims?.length ? template.resourceClaims : spec.resourceClaims;
  if (claims?.length) out.resourceClaims = [...claims];
  return out;
}

/** Labels and annotations: the workflow's podMetadata, then the template's metadata (addMetadata). */
export function toPodMetadata(spec: WorkflowSpec, template: Template): { labels: Record<string, string>; annotations: Record<string, string> } {
  return {
    labels: { ...(spec.podMetadata?.labels ?? {}), ...(template.metadata?.labels ?? {}) },
    annotations: { ...(spec.podMetadata?.annotations ?? {}), ...(template.metadata?.annotations ?? {}) },
  };
}
