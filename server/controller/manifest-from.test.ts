import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../artifacts/config-source';
import { withManifestFromArtifact } from './manifest-from';

const workflow = { namespace: 'argo', name: 'wf', uid: 'u' };
// A raw artifact never reads Secrets.
const settings = { secrets: {} as ConfigSource };

describe('withManifestFromArtifact', () => {
  it("inlines the input artifact manifestFrom names, as argoexec reads it from the artifact's path", async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-artifact\n';
    const pod = await withManifestFromArtifact(workflow, {
      nodeId: 'n', podName: 'p',
      template: {
        name: 't',
        inputs: { artifacts: [{ name: 'manifest', path: '/tmp/manifest.yaml', raw: { data: manifest } }] },
        resource: { action: 'create', manifestFrom: { artifact: { name: 'manifest' } } },
      },
    }, settings);
    expect(pod.template.resource).toEqual({ action: 'create', manifest });
  });

  it("fails with Argo's message for an artifact the template does not have", async () => {
    await expect(withManifestFromArtifact(workflow, {
      nodeId: 'n', podName: 'p', template: { name: 't', resource: { action: 'create', manifestFrom: { artifact: { name: 'nope' } } } },
    }, settings)).rejects.toThrow('artifact nope in `manifestFrom` refer to a non-exist artifact');
  });
});
