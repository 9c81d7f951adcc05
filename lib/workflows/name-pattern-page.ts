import type { KubeObject } from '../k8s/object';

/**
 * WorkflowTemplates whose name contains `pattern`, paged as argo-server does for `namePattern`: newest
 * resourceVersion first, `continue` holding the resourceVersion of the last item of a full page.
 */
export function filterByNamePattern<T extends KubeObject>(items: T[], pattern: string, page: { limit?: number; continue?: string }) {
  const version = (o: KubeObject) => Number.parseInt(o.metadata.resourceVersion ?? '0', 10) || 0;
  let matching = items.filter((o) => (o.metadata.name ?? '').includes(pattern)).sort((a, b) => version(b) - version(a));
  if (page.continue) {
    const before = Number.parseInt(page.continue, 10) || 0;
    matching = matching.filter((o) => version(o) < before);
  }
  const limit = page.limit ?? 0;
  const selected = limit > 0 ? matching.slice(0, limit) : matching;
  const last = selected[selected.length - 1];
  return { items: selected, ...(limit > 0 && selected.length === limit && last ? { continue: last.metadata.resourceVersion } : {}) };
}
