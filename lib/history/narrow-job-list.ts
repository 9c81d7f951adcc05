import type { JobSummary } from './job-summary';
import { type ViewFilter, compileViewFilter } from './view-filter';

/**
 * Narrows an already listed set of jobs (one namespace's, or every namespace's) by a filter and a view's filter, as
 * `GET /jobs` does on the server: the jobs home shows this at once while the server's answer is on its way, so
 * opening a folder or typing a search does not wait for the network. Undefined when a filter does not compile.
 */
export function narrowJobList<J extends Pick<JobSummary, 'namespace' | 'name' | 'folder' | 'labels' | 'title' | 'description' | 'lastBuild'>>(
  jobs: J[], filter: ViewFilter, view: ViewFilter = {},
): J[] | undefined {
  try {
    const matchesFilter = compileViewFilter(filter);
    const matchesView = compileViewFilter(view);
    return jobs.filter((job) => {
      const filterable = { ...job, lastPhase: job.lastBuild?.phase };
      return matchesFilter(filterable) && matchesView(filterable);
    });
  } catch {
    return undefined;
  }
}
