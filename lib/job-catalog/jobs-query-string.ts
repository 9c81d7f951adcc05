/** The phases a job's last build can be in, plus `None` for a job never built. */
export const lastStatuses = ['Succeeded', 'Failed', 'Error', 'Running', 'Pending', 'None'] as const;
export type LastStatus = (typeof lastStatuses)[number];

/** What the jobs home shows, as its URL says: a saved view, favourites only, and a filter (docs/build-history.md). */
export interface JobsPageState {
  view?: string;
  favourites: boolean;
  folder?: string;
  namespace?: string;
  search?: string;
  labels?: string;
  nameRegex?: string;
  lastStatus?: LastStatus[];
}

/** The filter part of the state, as the views API stores it. */
export type JobsFilter = Omit<JobsPageState, 'view' | 'favourites'>;

const textKeys = { folder: 'folder', namespace: 'namespace', search: 'q', labels: 'labels', nameRegex: 'name' } as const;

/** Reads the jobs home's query string; unknown statuses are dropped, empty values mean no filter. */
export function parseJobsQuery(query: Iterable<[string, string]>): JobsPageState {
  const params = new Map<string, string>();
  for (const [key, value] of query) params.set(key, value);
  const state: JobsPageState = { favourites: params.get('favourites') === '1' };
  const view = params.get('view')?.trim();
  if (view) state.view = view;
  for (const [field, key] of Object.entries(textKeys) as [keyof typeof textKeys, string][]) {
    const value = params.get(key)?.trim();
    if (value) state[field] = value;
  }
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is LastStatus => (lastStatuses as readonly string[]).includes(s));
  if (statuses.length) state.lastStatus = [...new Set(statuses)];
  return state;
}

/** The query string for a state: short, stable key order, so equal states give equal links. */
export function toJobsQuery(state: JobsPageState): string {
  const query = new URLSearchParams();
  if (state.view) query.set('view', state.view);
  if (state.favourites) query.set('favourites', '1');
  for (const [field, key] of Object.entries(textKeys) as [keyof typeof textKeys, string][]) {
    const value = state[field]?.trim();
    if (value) query.set(key, value);
  }
  if (state.lastStatus?.length) query.set('status', state.lastStatus.join(','));
  return query.toString();
}

/** The filter to save as a view: the state without the view and favourites switches, without empty fields. */
export function filterOf(state: JobsPageState): JobsFilter {
  const { view: _view, favourites: _favourites, ...filter } = parseJobsQuery(new URLSearchParams(toJobsQuery(state)));
  return filter;
}

/** True when the state narrows the list at all (so the page can offer to save it as a view or clear it). */
export function hasFilter(state: JobsPageState): boolean {
  return Object.keys(filterOf(state)).length > 0;
}
