import { queryOptions, replaceEqualDeep } from '@tanstack/react-query';
import type { KubeObject } from '@/lib/k8s/object';
import { isStaleFetch } from '@/lib/watch/apply-watch-event';
import { apiFetch } from '../api-client';

export interface ResourceList<T extends KubeObject = KubeObject> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[] | null;
}

// Query keys are the resource's Kubernetes coordinates: ['argo', kind, namespace, name, options].
const apiPathByKind = {
  workflows: 'api/v1/workflows',
  workflowtemplates: 'api/v1/workflow-templates',
  cronworkflows: 'api/v1/cron-workflows',
} as const;
export type ListableKind = keyof typeof apiPathByKind;

/** The list of one kind in one namespace. */
export function resourceListQuery(baseHref: string, kind: ListableKind, namespace: string) {
  return queryOptions({
    queryKey: ['argo', kind, namespace, undefined, {}] as const,
    queryFn: () => apiFetch<ResourceList>(baseHref, `${apiPathByKind[kind]}/${encodeURIComponent(namespace)}`),
  });
}

/** One resource. */
export function resourceQuery(baseHref: string, kind: ListableKind, namespace: string, name: string) {
  return queryOptions({
    queryKey: ['argo', kind, namespace, name, {}] as const,
    queryFn: () => apiFetch<KubeObject>(baseHref, `${apiPathByKind[kind]}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`),
    structuralSharing: keepNewest,
  });
}

/**
 * A refetch (after an action, say) may answer after the watch stream has already pushed a newer version into the
 * cache: the older answer must not replace it, or the page would stay on a state that has passed, with no event left
 * to correct it. Otherwise React Query's default sharing of unchanged parts.
 */
function keepNewest(old: unknown, next: unknown): KubeObject {
  return (isStaleFetch(old as KubeObject | undefined, next as KubeObject) ? old : replaceEqualDeep(old, next)) as KubeObject;
}
