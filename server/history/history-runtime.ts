import { ApiError, GrpcCode } from '@/lib/api-error';
import type { WorkflowArchive } from '../archive/workflow-archive';
import type { BuildIndexer } from './build-indexer';
import type { BuildNumberer } from './build-numberer';
import type { BuildStore } from './build-store';
import type { JobCatalog } from './job-catalog';
import type { JobSettingsStore } from './job-settings-store';

/** Everything the build history needs at request time. */
export interface History {
  store: BuildStore;
  numberer: BuildNumberer;
  indexer: BuildIndexer;
  settings: JobSettingsStore;
  /** The jobs and their summaries in memory, for the jobs home. */
  catalog: JobCatalog;
  archive?: WorkflowArchive;
  /** Set when the history is degraded (kubernetes mode without a database): shown as a banner on the jobs pages. */
  notice?: string;
}

// As server/runtime.ts: shared with route handlers through a global symbol, never a module-level variable.
const key = Symbol.for('capstan.history');
type Holder = { [key]?: History };

export function setHistory(history: History | undefined): void {
  (globalThis as Holder)[key] = history;
}

/** The build history, or undefined (Capstan is starting or stopping). */
export function findHistory(): History | undefined {
  return (globalThis as Holder)[key];
}

/** The build history, or a 503 saying why there is none. */
export function requireHistory(): History {
  const history = findHistory();
  if (!history) {
    throw new ApiError(GrpcCode.Unavailable, 'build history is not open yet: Capstan is starting (or stopping); try again in a moment');
  }
  return history;
}
