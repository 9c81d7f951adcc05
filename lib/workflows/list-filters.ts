import type { Workflow } from '../generated/argo';
import { matchesLabels, parseLabelSelector } from '../k8s/label-selector';
import { toKubeTime } from '../k8s/object';

/** The workflow list's filters, as kept in the page's URL. */
export interface WorkflowListFilters {
  phases: string[];
  /** Label requirements, each `key=value` (or any label selector term). */
  labels: string[];
  template?: string;
  cron?: string;
  /** Part of the name. */
  name?: string;
  /** Started at or after / before, as `YYYY-MM-DD` or a full RFC 3339 time. */
  from?: string;
  to?: string;
}

export const workflowPhases = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'] as const;
const templateLabel = 'workflows.argoproj.io/workflow-template';
const cronLabel = 'workflows.argoproj.io/cron-workflow';
const phaseLabel = 'workflows.argoproj.io/phase';

/** Reads the filters from the URL: `?phase=Failed&phase=Error&label=a=b&template=t&cron=c&name=x&from=…&to=…`. */
export function parseListFilters(params: URLSearchParams): WorkflowListFilters {
  const one = (key: string) => params.get(key)?.trim() || undefined;
  return {
    phases: params.getAll('phase').filter((p) => (workflowPhases as readonly string[]).includes(p)),
    labels: params.getAll('label').map((l) => l.trim()).filter(Boolean),
    template: one('template'),
    cron: one('cron'),
    name: one('name'),
    from: one('from'),
    to: one('to'),
  };
}

/** The filters as URL parameters (the inverse of parseListFilters); empty filters are left out. */
export function toFilterParams(filters: WorkflowListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const phase of filters.phases) params.append('phase', phase);
  for (const label of filters.labels) params.append('label', label);
  for (const key of ['template', 'cron', 'name', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]!);
  return params;
}

/** A date from the date inputs as an RFC 3339 time: the start of `from`'s day, the end of `to`'s (UTC). */
export function toRfc3339(date: string, endOfDay: boolean): string | undefined {
  if (/^\d{4}-\d\d-\d\d$/.test(date)) return `${date}T${endOfDay ? '23:59:59' : '00:00:00'}Z`;
  return Number.isNaN(Date.parse(date)) ? undefined : toKubeTime(new Date(date));
}

/** The label selector the filters make: the labels, the phases and the template or cron workflow it came from. */
export function toLabelSelector(filters: WorkflowListFilters): string {
  const terms = [...filters.labels];
  if (filters.phases.length) terms.push(`${phaseLabel} in (${filters.phases.join(',')})`);
  if (filters.template) terms.push(`${templateLabel}=${filters.template}`);
  if (filters.cron) terms.push(`${cronLabel}=${filters.cron}`);
  return terms.join(',');
}

/** The list endpoint's query for the filters (`listOptions.*`, `nameFilter`), as Argo's own UI asks. */
export function toListQuery(filters: WorkflowListFilters): Record<string, string> {
  const query: Record<string, string> = {};
  const labelSelector = toLabelSelector(filters);
  if (labelSelector) query['listOptions.labelSelector'] = labelSelector;
  const fields: string[] = [];
  if (filters.name) {
    fields.push(`metadata.name=${filters.name}`);
    query['nameFilter'] = 'Contains';
  }
  const from = filters.from && toRfc3339(filters.from, false);
  const to = filters.to && toRfc3339(filters.to, true);
  if (from) fields.push(`spec.startedAt>${from}`);
  if (to) fields.push(`spec.startedAt<${to}`);
  if (fields.length) query['listOptions.fieldSelector'] = fields.join(',');
  return query;
}

/**
 * Whether a workflow from the watch stream belongs in the filtered list (the stream is narrowed by labels only;
 * the name and dates are checked here). An invalid label filter accepts nothing.
 */
export function matchesListFilters(workflow: Workflow, filters: WorkflowListFilters): boolean {
  let requirements;
  try {
    requirements = parseLabelSelector(toLabelSelector(filters));
  } catch {
    return false;
  }
  if (!matchesLabels(workflow.metadata.labels, requirements)) return false;
  if (filters.name && !(workflow.metadata.name ?? '').includes(filters.name)) return false;
  const started = Date.parse(workflow.status?.startedAt ?? workflow.metadata.creationTimestamp ?? '');
  const from = filters.from && toRfc3339(filters.from, false);
  const to = filters.to && toRfc3339(filters.to, true);
  if (from && !(started > Date.parse(from))) return false;
  if (to && !(started < Date.parse(to))) return false;
  return true;
}

/** Whether any filter is set (an empty list then says "no match" rather than "nothing yet"). */
export function hasFilters(filters: WorkflowListFilters): boolean {
  return toFilterParams(filters).size > 0;
}
