import type { Container, Template, Volume, VolumeMount } from '../generated/argo';
import { mainFilesystemPath, scriptStagingPath, varRunArgoPath } from './executor-containers';

export const varRunArgoVolume: Volume = { name: 'var-run-argo', emptyDir: {} };
export const varRunArgoMount: VolumeMount = { name: 'var-run-argo', mountPath: varRunArgoPath };
export const tmpDirVolume: Volume = { name: 'tmp-dir-argo', emptyDir: {} };
export const scriptStagingVolume: Volume = { name: 'argo-staging', emptyDir: {} };
export const scriptStagingMount: VolumeMount = { name: 'argo-staging', mountPath: scriptStagingPath };

/** Thrown when the pod cannot be built; the node ends in Error with this message, as in Argo. */
export class PodBuildError extends Error {}

/** The volumes every pod starts with (createVolumes): argoexec's two emptyDirs, then the template's own. */
export function baseVolumes(template: Template): Volume[] {
  return [varRunArgoVolume, tmpDirVolume, ...(template.volumes ?? [])];
}

/**
 * Adds the volumes that the template's containers mount but the pod does not define yet, looked up in the
 * template's volumes, the workflow's, then the workflow's volume claims (addVolumeReferences).
 */
export function addVolumeReferences(volumes: Volume[], mounts: VolumeMount[], sources: Volume[][]): Volume[] {
  const result = [...volumes];
  for (const mount of mounts) {
    if (result.some((v) => v.name === mount.name)) continue;
    const found = sources.flat().find((v) => v.name === mount.name);
    if (!found) throw new PodBuildError(`volume '${mount.name}' not found in workflow spec`);
    result.push(found);
  }
  return result;
}

/** The mounts the template's containers (main, init containers, sidecars) refer to. */
export function templateVolumeMounts(template: Template): VolumeMount[] {
  const main = template.container ?? template.script;
  return [
    ...(main?.volumeMounts ?? []),
    ...(template.containerSet?.volumeMounts ?? []),
    ...(template.containerSet?.containers ?? []).flatMap((c) => c.volumeMounts ?? []),
    ...(template.initContainers ?? []).flatMap((c) => c.volumeMounts ?? []),
    ...(template.sidecars ?? []).flatMap((c) => c.volumeMounts ?? []),
  ];
}

/** Gives `wait` main's mounts under /mainctrfs, so it can read output files from them (addOutputArtifactsVolumes). */
export function mirrorMainMounts(wait: Container, main: Container): Container {
  const existing = new Set((wait.volumeMounts ?? []).map((m) => m.mountPath));
  const mirrored = (main.volumeMounts ?? [])
    // Writable, because mounts may overlap (Argo sets readOnly false, which Go then omits).
    .map(({ readOnly: _readOnly, ...m }) => ({ ...m, mountPath: joinPath(mainFilesystemPath, m.mountPath) }))
    .filter((m) => !existing.has(m.mountPath));
  return withMounts(wait, mirrored);
}

/** Appends mounts to a container. */
export function withMounts(container: Container, mounts: VolumeMount[]): Container {
  if (!mounts.length) return container;
  return { ...container, volumeMounts: [...(container.volumeMounts ?? []), ...mounts] };
}

// filepath.Join for absolute container paths: one slash between, none at the end.
export function joinPath(base: string, path: string): string {
  return `${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}
