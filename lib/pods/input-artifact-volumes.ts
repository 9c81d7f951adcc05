import type { Artifact, Container, Template, Volume, VolumeMount } from '../generated/argo';
import { hasLocationOrKey } from '../artifacts/artifact-location';
import { checkArtifactPath, cleanPath } from '../validate/check-artifact';
import { mainFilesystemPath } from './executor-containers';
import { joinPath, PodBuildError } from './pod-volumes';

/** The emptyDir `argoexec init` loads input artifacts into, and where init sees it. */
export const inputArtifactsVolume: Volume = { name: 'input-artifacts', emptyDir: {} };
export const inputArtifactsPath = '/argo/inputs/artifacts';

/** The mounts main's own container declares (Argo's Template.GetVolumeMounts: container, script or containerSet). */
function mainVolumeMounts(template: Template): VolumeMount[] {
  return (template.container ?? template.script ?? template.containerSet)?.volumeMounts ?? [];
}

/**
 * The user's mount that an artifact path falls in (FindOverlappingVolume): argoexec init then writes the artifact
 * into that volume, through /mainctrfs, instead of into the input-artifacts emptyDir.
 */
function overlappingMount(template: Template, path: string): VolumeMount | undefined {
  return [...mainVolumeMounts(template)]
    .sort((a, b) => b.mountPath.length - a.mountPath.length)
    .find((m) => {
      const mountPath = m.mountPath.replace(/\/+$/, '');
      return path === mountPath || path.startsWith(`${mountPath}/`);
    });
}

/** An artifact's path as argoexec uses it (Artifact.CleanPath), or the reason Argo refuses to build the pod. */
function cleanArtifactPath(artifact: Artifact): string {
  const problem = checkArtifactPath(artifact);
  if (problem) {
    // Argo's own wording starts with a capital, inside the pod builder's "error in inputs.artifacts.<name>: …".
    throw new PodBuildError(`error in inputs.artifacts.${artifact.name}: ${problem.replace(/^artifact/, 'Artifact')}`);
  }
  return cleanPath(artifact.path!);
}

export interface InputArtifactMounts {
  volumes: Volume[];
  /** For `init`: the emptyDir at /argo/inputs/artifacts and main's own mounts under /mainctrfs. */
  initMounts: VolumeMount[];
  /** For `main`: each artifact's file or folder from the emptyDir (subPath = the artifact's name) at its path. */
  mainMounts: VolumeMount[];
}

/**
 * Argo's addInputArtifactsVolumes (legacy layout, with an init container): `argoexec init` downloads the template's
 * input artifacts into a shared emptyDir, which main mounts artifact by artifact at the paths the template asks
 * for. An artifact under one of main's own volume mounts is not mounted (it would hide the volume's contents from
 * that path): init writes it into the volume instead. Optional artifacts that were not given are not mounted.
 */
export function inputArtifactMounts(template: Template): InputArtifactMounts | undefined {
  const artifacts = template.inputs?.artifacts ?? [];
  if (artifacts.length === 0) return undefined;
  const initMounts: VolumeMount[] = [
    { name: inputArtifactsVolume.name, mountPath: inputArtifactsPath },
    ...mainVolumeMounts(template).map((m) => ({ ...m, mountPath: joinPath(mainFilesystemPath, m.mountPath) })),
  ];
  const mainMounts: VolumeMount[] = [];
  for (const artifact of artifacts) {
    const path = cleanArtifactPath(artifact);
    if (!hasLocationOrKey(artifact) && artifact.optional) continue;
    if (overlappingMount(template, path)) continue;
    mainMounts.push({ name: inputArtifactsVolume.name, mountPath: path, subPath: artifact.name });
  }
  return { volumes: [inputArtifactsVolume], initMounts, mainMounts };
}

/** Adds main's input artifact mounts to the container named main, if any (a containerSet may have none). */
export function withInputArtifactMounts(containers: Container[], mounts: InputArtifactMounts | undefined): Container[] {
  if (!mounts?.mainMounts.length) return containers;
  return containers.map((c) => (c.name === 'main' ? { ...c, volumeMounts: [...(c.volumeMounts ?? []), ...mounts.mainMounts] } : c));
}
