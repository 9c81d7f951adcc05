import type { Artifact, ArtifactLocation } from '../generated/argo-workflows';
import { hasLocation, joinKey, keyOf, storeKindOf } from './artifact-location';

/** How an output is packed before upload: Argo's ArchiveStrategy, tar+gzip unless told otherwise. */
export type ArchiveKind = { kind: 'tgz'; level: number } | { kind: 'zip' } | { kind: 'none' };

/** gzip's default level, which Argo uses when `tar` gives none. */
export const defaultCompressionLevel = 6;

/** The packing an output artifact asks for. */
export function archiveKindOf(artifact: Pick<Artifact, 'archive'>): ArchiveKind {
  const archive = artifact.archive;
  if (archive?.none) return { kind: 'none' };
  if (archive?.zip) return { kind: 'zip' };
  const level = archive?.tar?.compressionLevel;
  // Go's gzip.DefaultCompression is -1, which means level 6.
  return { kind: 'tgz', level: level === undefined || level === -1 ? defaultCompressionLevel : level };
}

/** The object name an output gets under the pod's key prefix (stageArchiveFile): `<name>.tgz`, `<name>.zip`, or the file's own name. */
export function archiveFileName(artifact: Pick<Artifact, 'name' | 'path' | 'archive'>): string {
  const archive = archiveKindOf(artifact);
  if (archive.kind === 'tgz') return `${artifact.name}.tgz`;
  if (archive.kind === 'zip') return `${artifact.name}.zip`;
  const path = (artifact.path ?? '').replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1) || artifact.name;
}

/** An artifact with its key in the given store kind, keeping other fields of that store (SetType + SetKey). */
export function withKey<T extends Artifact | ArtifactLocation>(artifact: T, kind: ReturnType<typeof storeKindOf>, key: string): T {
  const copy = { ...artifact } as Record<string, unknown>;
  const current = (copy[kind ?? 's3'] as Record<string, unknown> | undefined) ?? {};
  switch (kind) {
    case 'azure':
      copy.azure = { ...current, blob: key };
      break;
    case 'hdfs':
      copy.hdfs = { ...current, path: key };
      break;
    case 'artifactory':
      copy.artifactory = { ...current, url: key };
      break;
    default:
      copy[kind ?? 's3'] = { ...current, key };
  }
  return copy as T;
}

/**
 * The key an output is saved under: its own key if it has one, else the archive location's key (its format
 * already substituted) joined with the archive file name, as Argo's saveArtifactFromFile.
 */
export function outputKey(artifact: Artifact, archiveLocation: ArtifactLocation | undefined): string | undefined {
  const own = keyOf(artifact);
  if (own !== undefined) return own;
  const prefix = archiveLocation && keyOf(archiveLocation);
  return prefix === undefined ? undefined : joinKey(prefix, archiveFileName(artifact));
}

/**
 * The artifact as recorded on the node once saved: key-only in the archive location's store (Argo records outputs
 * without bucket or credentials; readers take those from the workflow's repository).
 */
export function toSavedArtifact(artifact: Artifact, archiveLocation: ArtifactLocation | undefined): Artifact {
  if (hasLocation(artifact)) return artifact;
  const key = outputKey(artifact, archiveLocation);
  if (key === undefined) return artifact;
  const kind = storeKindOf(artifact) ?? storeKindOf(archiveLocation) ?? 's3';
  const { s3: _s3, oss: _oss, gcs: _gcs, azure: _azure, hdfs: _hdfs, plugin: _plugin, artifactory: _a, ...rest } = artifact;
  return withKey(rest as Artifact, kind, key);
}

/**
 * A key-only artifact placed in the repository's location (Argo's Relocate): the location's store, bucket, endpoint
 * and credentials with the artifact's key. Artifacts with a full location are returned as they are.
 */
export function relocate(artifact: Artifact, location: ArtifactLocation | undefined): Artifact {
  if (hasLocation(artifact) || !location || !storeKindOf(location)) return artifact;
  const key = keyOf(artifact);
  if (key === undefined) return artifact;
  const { archiveLogs: _archiveLogs, ...place } = location;
  const { s3: _s3, oss: _oss, gcs: _gcs, azure: _azure, hdfs: _hdfs, plugin: _plugin, artifactory: _a, ...rest } = artifact;
  return withKey({ ...rest, ...place } as Artifact, storeKindOf(location), key);
}
