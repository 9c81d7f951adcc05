import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigSource } from '../artifacts/config-source';
import { loadInputArtifact } from '../artifacts/transfer';
import type { PodRequest, WorkflowRef } from './pod-executor';

/**
 * `resource.manifestFrom`: argoexec reads the manifest from the input artifact it names (staged at the artifact's
 * path by the init container). Embedded mode loads that artifact the same way and inlines it as the manifest.
 */
export async function withManifestFromArtifact(
  workflow: WorkflowRef,
  pod: PodRequest,
  settings: { secrets: ConfigSource; localRoot?: string },
): Promise<PodRequest> {
  const resource = pod.template.resource;
  const name = resource?.manifestFrom?.artifact?.name;
  if (!resource || !name) return pod;
  const artifact = pod.template.inputs?.artifacts?.find((a) => a.name === name);
  if (!artifact) throw new Error(`artifact ${name} in \`manifestFrom\` refer to a non-exist artifact`);
  const dir = await mkdtemp(join(tmpdir(), 'capstan-manifest-'));
  try {
    const target = join(dir, 'manifest');
    await loadInputArtifact(artifact, target, {
      namespace: workflow.namespace, secrets: settings.secrets, ...(settings.localRoot ? { localRoot: settings.localRoot } : {}),
      defaultKeyPrefix: `${workflow.name}/${pod.podName}`,
    });
    if ((await stat(target)).isDirectory()) throw new Error(`artifact ${name} in \`manifestFrom\` is a directory, not one manifest`);
    const manifest = await readFile(target, 'utf8');
    const { manifestFrom: _manifestFrom, ...rest } = resource;
    return { ...pod, template: { ...pod.template, resource: { ...rest, manifest } } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
