/** The kinds the dashboard creates and edits as YAML, and where argo-server takes each (Argo's REST API). */
export type EditableKind = 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';

export interface KindApi {
  /** The request body's key for the object (`template` or `cronWorkflow`). */
  bodyKey: 'template' | 'cronWorkflow';
  /** Create (POST). */
  collection: (namespace: string) => string;
  /** Lint (POST), as argo-server: the same checks as create, nothing stored. */
  lint: (namespace: string) => string;
  /** Read, update (PUT) and delete one. */
  item: (namespace: string, name: string) => string;
  /** The dashboard page of one. */
  page: (namespace: string, name: string) => string;
  /** The dashboard list of them. */
  listPage: (namespace: string) => string;
  namespaced: boolean;
}

const e = encodeURIComponent;

export const kindApis: Record<EditableKind, KindApi> = {
  WorkflowTemplate: {
    bodyKey: 'template', namespaced: true,
    collection: (ns) => `api/v1/workflow-templates/${e(ns)}`,
    lint: (ns) => `api/v1/workflow-templates/${e(ns)}/lint`,
    item: (ns, name) => `api/v1/workflow-templates/${e(ns)}/${e(name)}`,
    page: (ns, name) => `/workflow-templates/${e(ns)}/${e(name)}`,
    listPage: () => '/workflow-templates',
  },
  ClusterWorkflowTemplate: {
    bodyKey: 'template', namespaced: false,
    collection: () => 'api/v1/cluster-workflow-templates',
    lint: () => 'api/v1/cluster-workflow-templates/lint',
    item: (_, name) => `api/v1/cluster-workflow-templates/${e(name)}`,
    page: (_, name) => `/cluster-workflow-templates/${e(name)}`,
    listPage: () => '/workflow-templates',
  },
  CronWorkflow: {
    bodyKey: 'cronWorkflow', namespaced: true,
    collection: (ns) => `api/v1/cron-workflows/${e(ns)}`,
    lint: (ns) => `api/v1/cron-workflows/${e(ns)}/lint`,
    item: (ns, name) => `api/v1/cron-workflows/${e(ns)}/${e(name)}`,
    page: (ns, name) => `/cron-workflows/${e(ns)}/${e(name)}`,
    listPage: (ns) => `/cron-workflows/${e(ns)}`,
  },
};

/** A starting manifest for a new object of a kind, in the given namespace. */
export function starterManifest(kind: EditableKind, namespace: string): string {
  const metadata = kind === 'ClusterWorkflowTemplate' ? 'metadata:\n  name: my-template\n' : `metadata:\n  name: ${kind === 'CronWorkflow' ? 'my-cron' : 'my-template'}\n  namespace: ${namespace}\n`;
  const workflowSpec = (indent: string) => [
    'entrypoint: main',
    'templates:',
    '  - name: main',
    '    container:',
    '      image: busybox',
    '      command: [echo, hello]',
  ].map((line) => `${indent}${line}`).join('\n');
  if (kind === 'CronWorkflow') {
    return `apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\n${metadata}spec:\n  schedules:\n    - "0 9 * * 1-5"\n  timezone: UTC\n  concurrencyPolicy: Forbid\n  workflowSpec:\n${workflowSpec('    ')}\n`;
  }
  return `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\n${metadata}spec:\n${workflowSpec('  ')}\n`;
}
