import { parseLabelSelector } from '../k8s/label-selector';
import type { ViewFilter } from '../history/view-filter';
import { type LastStatus, lastStatuses } from './jobs-query-string';

/** A saved view being edited: every filter field as the form shows it. */
export interface ViewDraft {
  name: string;
  folder: string;
  namespace: string;
  labels: string;
  nameRegex: string;
  search: string;
  lastStatus: LastStatus[];
}

/** The form's fields for a view (or for a new view from the page's current filter). */
export function draftOf(name: string, filter: ViewFilter): ViewDraft {
  return {
    name,
    folder: filter.folder ?? '',
    namespace: filter.namespace ?? '',
    labels: filter.labels ?? '',
    nameRegex: filter.nameRegex ?? '',
    search: filter.search ?? '',
    lastStatus: lastStatuses.filter((s) => filter.lastStatus?.includes(s)),
  };
}

/** The filter a draft saves: trimmed, without empty fields (an empty filter is every job). */
export function filterOfDraft(draft: ViewDraft): ViewFilter {
  const filter: ViewFilter = {};
  for (const key of ['folder', 'namespace', 'labels', 'nameRegex', 'search'] as const) {
    const value = draft[key].trim();
    if (value) filter[key] = key === 'folder' ? value.replace(/^\/+|\/+$/g, '') : value;
  }
  if (draft.lastStatus.length) filter.lastStatus = [...draft.lastStatus];
  return filter;
}

export type DraftProblems = Partial<Record<'name' | 'labels' | 'nameRegex', string>>;

/** What is wrong with a draft, by field, checked as the server checks it (so the form refuses before sending). */
export function draftProblems(draft: ViewDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.name.trim()) problems.name = 'A view needs a name.';
  if (draft.labels.trim()) {
    try {
      parseLabelSelector(draft.labels.trim());
    } catch (error) {
      problems.labels = (error as Error).message;
    }
  }
  if (draft.nameRegex.trim()) {
    try {
      new RegExp(draft.nameRegex.trim());
    } catch (error) {
      problems.nameRegex = `Not a regular expression: ${(error as Error).message}`;
    }
  }
  return problems;
}
