import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSavedArtifact } from '../artifacts/artifact-key';
import type { Template } from '../generated/argo';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';

const repository = { s3: { bucket: 'my-bucket', endpoint: 'minio:9000', insecure: true, keyFormat: 'runs/{{workflow.name}}/{{pod.name}}' } };

function withRepository(yaml: string) {
  const workflow = workflowFromYaml(yaml, 'pass');
  workflow.status = { artifactRepositoryRef: { default: true, artifactRepository: repository } };
  return workflow;
}

// Simulated pods save their outputs as argoexec does: key-only under the pod's archive location.
const saveOutputs = ({ template }: { template: Template }) => ({
  outputs: { artifacts: (template.outputs?.artifacts ?? []).map((a) => toSavedArtifact(a, template.archiveLocation)) },
});

describe('artifact passing', () => {
  it('gives pods an archive location from the repository and passes outputs on as key-only inputs', () => {
    const yaml = readFileSync(new URL('../../../shared/argo/examples/artifact-passing.yaml', import.meta.url), 'utf8');
    const { workflow, created } = simulateWorkflow(withRepository(yaml), saveOutputs);
    expect(workflow.status?.phase).toBe('Succeeded');
    const [generate, consume] = created;
    expect(generate!.template.archiveLocation).toEqual({
      archiveLogs: false, s3: { bucket: 'my-bucket', endpoint: 'minio:9000', insecure: true, key: `runs/pass/${generate!.podName}` },
    });
    expect(consume!.template.inputs?.artifacts).toEqual([
      { name: 'message', path: '/tmp/message', s3: { key: `runs/pass/${generate!.podName}/hello-art.tgz` } },
    ]);
    // The consumer also gets the archive location, to find its key-only input in the repository.
    expect(consume!.template.archiveLocation?.s3?.bucket).toBe('my-bucket');
  });

  it('resolves fromExpression, steps outputs and global outputs', () => {
    const yaml = `
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: make
        template: make
    - - name: use
        template: use
        arguments:
          artifacts:
          - name: in
            from: "{{steps.make.outputs.artifacts.out}}"
            subPath: inner
    outputs:
      artifacts:
      - name: final
        fromExpression: "steps.make.status == 'Succeeded' ? steps.make.outputs.artifacts.out : nil"
        globalName: exported
  - name: make
    container: {image: alpine, command: [sh, -c, "mkdir -p /out/inner"]}
    outputs:
      artifacts: [{name: out, path: /out, archive: {none: {}}}]
  - name: use
    inputs:
      artifacts: [{name: in, path: /in}]
    container: {image: alpine, command: [ls, /in]}
`;
    const { workflow, created } = simulateWorkflow(withRepository(yaml), saveOutputs);
    expect(workflow.status?.message).toBeUndefined();
    const key = `runs/pass/${created[0]!.podName}/out`;
    expect(created[1]!.template.inputs?.artifacts?.[0]).toEqual({ name: 'in', path: '/in', archive: { none: {} }, s3: { key: `${key}/inner` } });
    expect(workflow.status?.nodes?.[workflow.metadata.name ?? '']?.outputs?.artifacts).toEqual([
      { name: 'final', path: '/out', archive: { none: {} }, s3: { key }, globalName: 'exported' },
    ]);
    expect(workflow.status?.outputs?.artifacts).toEqual([{ name: 'exported', path: '/out', archive: { none: {} }, s3: { key } }]);
  });

  it('fails the consuming node clearly when a reference names nothing', () => {
    const yaml = `
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: use
        template: use
        arguments:
          artifacts: [{name: in, from: "{{workflow.outputs.artifacts.nothing}}"}]
  - name: use
    inputs:
      artifacts: [{name: in, path: /in}]
    container: {image: alpine, command: [ls, /in]}
`;
    const { workflow } = simulateWorkflow(withRepository(yaml), saveOutputs);
    expect(workflow.status?.phase).toBe('Failed');
    expect(workflow.status?.message).toContain('from: failed to resolve {{workflow.outputs.artifacts.nothing}}');
  });
});
