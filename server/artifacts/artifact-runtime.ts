import type { ConfigSource } from './config-source';

/** What the artifact endpoints need from the process: Secrets for credentials and embedded mode's local folder. */
export interface ArtifactRuntime {
  secrets: ConfigSource;
  /** Embedded mode's default repository, `<data dir>/artifacts`; undefined in kubernetes mode. */
  localRoot?: string;
}

// As server/runtime.ts: route handlers are bundled apart from server/main.ts, so this goes through a global symbol.
const key = Symbol.for('capstan.artifacts');
type Holder = { [key]?: ArtifactRuntime };

export function setArtifactRuntime(runtime: ArtifactRuntime | undefined): void {
  (globalThis as Holder)[key] = runtime;
}

export function findArtifactRuntime(): ArtifactRuntime | undefined {
  return (globalThis as Holder)[key];
}
