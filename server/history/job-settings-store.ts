import type { JobRef } from '@/lib/history/job-ref';
import type { View } from '@/lib/history/views';

/** Saved views (shared) and favourite jobs (per user). */
export interface JobSettingsStore {
  listViews(): Promise<View[]>;
  getView(id: string): Promise<View | undefined>;
  /** Writes a view; with `create`, fails (returns false) when the id exists. */
  putView(view: View, create: boolean): Promise<boolean>;
  deleteView(id: string): Promise<boolean>;
  favourites(user: string): Promise<JobRef[]>;
  setFavourite(user: string, job: JobRef, on: boolean): Promise<void>;
}
