import type { Workflow } from '../generated/argo';
import type { ObjectSummary } from '../k8s/object-summary';
import { type WorkflowListQuery, countMatching, selectWorkflowPage } from './workflow-list-query';

/** The label the controller puts on a workflow once it is in the archive. */
const archivedLabel = 'workflows.argoproj.io/workflow-archiving-status';

/** The live part of a merged page, and which slice of the archive completes it (none when the live part fills it). */
export interface MergedPagePlan<W extends ObjectSummary = Workflow> {
  live: W[];
  /** More live workflows follow this page. */
  liveHasMore: boolean;
  archive?: { offset: number; limit: number };
}

/**
 * argo-server v4's `ListWorkflows` with an archive: live workflows first (those already archived are left to the
 * archive, as its workflow store does), then the archive's, one offset running across both: the archive is asked
 * for what the live part leaves of the page, from `offset - liveCount` on.
 */
export function planMergedPage<W extends ObjectSummary>(liveWorkflows: W[], query: WorkflowListQuery): MergedPagePlan<W> {
  const live = liveWorkflows.filter((w) => w.metadata.labels?.[archivedLabel] !== 'Archived');
  const all = countMatching(live, query);
  const page = all > 0 && (query.limit === 0 || query.offset < all) ? selectWorkflowPage(live, query).items : [];
  const plan: MergedPagePlan<W> = { live: page, liveHasMore: query.limit > 0 && query.offset + page.length < all };
  if (query.limit === 0 || query.offset + query.limit > all) {
    let offset = query.offset - all;
    let limit = query.limit;
    if (offset < 0) {
      offset = 0;
      // Without a limit the archive is listed whole (Argo computes a negative limit, which its query ignores).
      limit = query.limit === 0 ? 0 : query.limit - page.length;
    }
    plan.archive = { offset, limit };
  }
  return plan;
}

/**
 * The archive's part of a merged page without the workflows that are also live and not yet labelled `Archived`:
 * the controller writes the archive's copy first and labels the live workflow after, and a list answered between
 * the two would show the run twice (seen in the dashboard as two rows of one workflow). The live copy is the newer.
 */
export function withoutLiveCopies(archived: Workflow[], liveWorkflows: ObjectSummary[]): Workflow[] {
  const live = new Set<string>();
  for (const w of liveWorkflows) if (w.metadata.uid && w.metadata.labels?.[archivedLabel] !== 'Archived') live.add(w.metadata.uid);
  return live.size ? archived.filter((w) => !w.metadata.uid || !live.has(w.metadata.uid)) : archived;
}
