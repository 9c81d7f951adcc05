import { queryOptions } from '@tanstack/react-query';
import type { KubeObject } from '@/lib/k8s/object';
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
  });
}
