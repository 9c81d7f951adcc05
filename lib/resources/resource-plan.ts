import { parse } from 'yaml';
import type { ResourceTemplate } from '../generated/argo';

/** What a resource template asks for, ready to carry out against a cluster. */
export interface ResourcePlan {
  action: 'create' | 'apply' | 'delete' | 'patch' | 'replace' | 'get';
  /** The manifest, with the workflow as controlling owner when `setOwnerReference`. */
  manifest: Record<string, unknown>;
  /** The object acted on: the manifest's, or the one the flags name (`kubectl patch pod my-pod`). */
  target: { kind: string; apiVersion?: string; name?: string; generateName?: string; namespace?: string };
  mergeStrategy: 'strategic' | 'merge' | 'json';
  successCondition: string;
  failureCondition: string;
}

const actions = ['create', 'apply', 'delete', 'patch', 'replace', 'get'] as const;

// kubectl's short names for the kinds resource templates commonly name in flags.
const kindAliases: Record<string, string> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod', configmap: 'ConfigMap', configmaps: 'ConfigMap', cm: 'ConfigMap', job: 'Job', jobs: 'Job',
  workflow: 'Workflow', workflows: 'Workflow', wf: 'Workflow', workflowtemplate: 'WorkflowTemplate', workflowtemplates: 'WorkflowTemplate',
  wftmpl: 'WorkflowTemplate', cronworkflow: 'CronWorkflow', cronworkflows: 'CronWorkflow', cwf: 'CronWorkflow',
  secret: 'Secret', secrets: 'Secret', service: 'Service', svc: 'Service', deployment: 'Deployment', deploy: 'Deployment',
};

/** Reads a resource template into a plan; throws with a clear reason when it cannot be carried out. */
export function planResource(resource: ResourceTemplate, workflow: { name: string; uid: string; namespace: string }): ResourcePlan {
  const action = resource.action as ResourcePlan['action'];
  if (!actions.includes(action)) throw new Error(`resource action '${resource.action}' is not one of ${actions.join(', ')}`);
  // The caller inlines a manifestFrom artifact first (server/controller/manifest-from.ts).
  if (resource.manifestFrom) throw new Error('resource.manifestFrom must be loaded into the manifest before the resource is planned');
  let manifest: Record<string, unknown> = {};
  if (resource.manifest) {
    let parsed: unknown;
    try {
      parsed = resource.manifest.trim().startsWith('[') && action === 'patch' ? JSON.parse(resource.manifest) : parse(resource.manifest);
    } catch (error) {
      throw new Error(`resource.manifest is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!parsed || typeof parsed !== 'object') throw new Error('resource.manifest must be an object');
    manifest = parsed as Record<string, unknown>;
  } else if (action !== 'delete' && action !== 'get' && action !== 'patch') throw new Error('resource.manifest is required');
  const metadata = { ...((manifest['metadata'] as Record<string, unknown> | undefined) ?? {}) };
  if (resource.setOwnerReference && !Array.isArray(manifest)) {
    const owners = (metadata['ownerReferences'] as unknown[] | undefined) ?? [];
    metadata['ownerReferences'] = [...owners, {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: workflow.name, uid: workflow.uid, controller: true, blockOwnerDeletion: true,
    }];
    manifest = { ...manifest, metadata };
  }
  const target: ResourcePlan['target'] = {
    kind: String(manifest['kind'] ?? ''),
    ...(manifest['apiVersion'] ? { apiVersion: String(manifest['apiVersion']) } : {}),
    ...(metadata['name'] ? { name: String(metadata['name']) } : {}),
    ...(metadata['generateName'] ? { generateName: String(metadata['generateName']) } : {}),
    namespace: String(metadata['namespace'] ?? workflow.namespace),
  };
  const positional = (resource.flags ?? []).filter((f) => !f.startsWith('-'));
  const [first, second] = positional;
  if (first) {
    const [kind, name] = first.includes('/') ? first.split('/', 2) : [first, second];
    target.kind = kindAliases[kind!.toLowerCase()] ?? kind!;
    if (name) target.name = name;
    delete target.apiVersion;
  }
  if (!target.kind) throw new Error('resource.manifest needs a kind (or name the object in flags, e.g. [pod, my-pod])');
  const strategy = resource.mergeStrategy || 'strategic';
  if (strategy !== 'strategic' && strategy !== 'merge' && strategy !== 'json') throw new Error(`unknown mergeStrategy ${strategy}: use strategic, merge or json`);
  return { action, manifest, target, mergeStrategy: strategy, successCondition: resource.successCondition ?? '', failureCondition: resource.failureCondition ?? '' };
}
