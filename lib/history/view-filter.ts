import { invalidArgument } from '../api-error';
import { type LabelRequirement, matchesLabels, parseLabelSelector } from '../k8s/label-selector';
import { isInFolder, normaliseFolder } from './folders';

/** A saved view's filter over jobs; every field that is set must match. */
export interface ViewFilter {
  folder?: string;
  namespace?: string;
  /** A Kubernetes label selector on the job. */
  labels?: string;
  /** A JavaScript regular expression on the job's name. */
  nameRegex?: string;
  /** Phases of the last build; `None` for jobs never built. */
  lastStatus?: string[];
  /** Case-insensitive text in the name, title or description. */
  search?: string;
}

/** What the filter looks at in a job. */
export interface FilterableJob {
  namespace: string;
  name: string;
  folder: string;
  labels: Record<string, string>;
  title?: string;
  description: string;
  lastPhase?: string;
}

/** A filter compiled once for a whole list; bad regexes and selectors are 400s. */
export function compileViewFilter(filter: ViewFilter): (job: FilterableJob) => boolean {
  let selector: LabelRequirement[] = [];
  let nameRegex: RegExp | undefined;
  try {
    selector = filter.labels ? parseLabelSelector(filter.labels) : [];
  } catch (error) {
    throw invalidArgument(`labels: ${(error as Error).message}`);
  }
  try {
    nameRegex = filter.nameRegex ? new RegExp(filter.nameRegex) : undefined;
  } catch (error) {
    throw invalidArgument(`nameRegex: ${(error as Error).message}`);
  }
  const folder = normaliseFolder(filter.folder);
  const search = filter.search?.trim().toLowerCase();
  const statuses = filter.lastStatus?.length ? new Set(filter.lastStatus) : undefined;
  return (job) =>
    isInFolder(job.folder, folder) &&
    (!filter.namespace || job.namespace === filter.namespace) &&
    matchesLabels(job.labels, selector) &&
    (!nameRegex || nameRegex.test(job.name)) &&
    (!statuses || statuses.has(job.lastPhase || 'None')) &&
    (!search || [job.name, job.title ?? '', job.description].some((text) => text.toLowerCase().includes(search)));
}
