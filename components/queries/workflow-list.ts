import { queryOptions } from '@tanstack/react-query';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { ListOf } from '@/lib/watch/apply-watch-event';
import { type WorkflowListFilters, toListQuery } from '@/lib/workflows/list-filters';
import { apiFetch } from '../api-client';

export type ListedWorkflow = Workflow & KubeObject;

// Only what the list shows: a workflow's nodes can be megabytes, and 10,000 of them must load in a second.
const listedFields = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.resourceVersion', 'metadata.creationTimestamp',
  'metadata.labels', 'spec.suspend', 'spec.arguments', 'status.phase', 'status.message', 'status.startedAt',
  'status.finishedAt', 'status.progress', 'status.estimatedDuration',
];
export const workflowListFields = ['metadata', ...listedFields.map((f) => `items.${f}`)].join(',');
export const workflowEventFields = ['result.type', ...listedFields.map((f) => `result.object.${f}`)].join(',');

export interface WorkflowPage {
  filters: WorkflowListFilters;
  limit: number;
  /** The continue token of this page; undefined for the first. */
  continueToken?: string;
}

/** One page of a namespace's workflows, filtered on the server. Key: ['argo', 'workflows', namespace, undefined, page]. */
export function workflowListQuery(baseHref: string, namespace: string, page: WorkflowPage) {
  return queryOptions({
    queryKey: ['argo', 'workflows', namespace, undefined, page] as const,
    queryFn: () => {
      const query = new URLSearchParams({ ...toListQuery(page.filters), fields: workflowListFields });
      if (page.limit) query.set('listOptions.limit', String(page.limit));
      if (page.continueToken) query.set('listOptions.continue', page.continueToken);
      return apiFetch<ListOf<ListedWorkflow>>(baseHref, `api/v1/workflows/${encodeURIComponent(namespace)}?${query}`);
    },
  });
}
