import type { WorkflowArchive } from './workflow-archive';

// As server/runtime.ts: route handlers are bundled apart from server/main.ts, so the archive is shared through a
// global symbol, never a module-level variable.
const key = Symbol.for('capstan.archive');
type Holder = { [key]?: WorkflowArchive };

/** Makes the archive visible to route handlers (undefined: no archive configured). */
export function setArchive(archive: WorkflowArchive | undefined): void {
  (globalThis as Holder)[key] = archive;
}

/** The process's archive, or undefined when none is configured (kubernetes mode without persistence). */
export function findArchive(): WorkflowArchive | undefined {
  return (globalThis as Holder)[key];
}
