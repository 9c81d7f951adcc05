import { describe, expect, it } from 'vitest';
import type { Container, Template } from '../generated/argo';
import { type BuildPodInput, buildPod } from './build-pod';
import type { PodManifest } from './pod-manifest';
import { PodBuildError } from './pod-volumes';
import { oracleFailingDagBadPod, oracleHelloWorldPod, oracleInputArtifactsPod } from './testing/oracle-pods';

const executor = { image: 'quay.io/argoproj/argoexec:v3.7.9' };
const now = new Date('2026-11-24T00:06:15Z');

function input(overrides: Partial<BuildPodInput> & { template: Template }): BuildPodInput {
  return {
    workflow: { name: 'hello-world-zb8df', namespace: 'argo-oracle', uid: '6ee77188-6a09-49ac-bacc-26b3e193e6d9', spec: { entrypoint: 'main' } },
    nodeId: 'hello-world-zb8df',
    nodeName: 'hello-world-zb8df',
    podName: 'hello-world-zb8df',
    executor,
    includeScriptOutput: false,
    now,
    ...overrides,
  };
}

// Argo v4.1.2 also gives main ARGO_WORKFLOW_NAME (v3.7.9, the oracle, does not); `resources: {}` is the API server's.
function asOracleWrites(pod: PodManifest): unknown {
  const strip = (c: Container) => {
    const { resources: _r, ...rest } = c;
    return { ...rest, env: rest.env?.filter((e) => !(c.name === 'main' && e.name === 'ARGO_WORKFLOW_NAME')) };
  };
  return JSON.parse(JSON.stringify({ ...pod, spec: { ...pod.spec, initContainers: pod.spec.initContainers?.map(strip), containers: pod.spec.containers.map(strip) } }));
}

function oracle(pod: unknown): unknown {
  const p = structuredClone(pod) as PodManifest;
  for (const c of [...(p.spec.initContainers ?? []), ...p.spec.containers]) delete c.resources;
  return p;
}

describe('buildPod', () => {
  it("builds the hello-world pod as Argo's controller does", () => {
    const pod = buildPod(input({ template: { name: 'main', container: { image: 'busybox', command: ['echo', 'hello'] } } }));
    expect(asOracleWrites(pod)).toEqual(oracle(oracleHelloWorldPod));
  });

  it("builds a DAG task's pod, with the template's annotation, as Argo's controller does", () => {
    const pod = buildPod(input({
      workflow: { name: 'failing-dag-kf8q8', namespace: 'argo-oracle', uid: '9343c08d-31f1-413d-81a6-2f648e42f6c6', spec: { entrypoint: 'main' } },
      nodeId: 'failing-dag-kf8q8-2875380033',
      nodeName: 'failing-dag-kf8q8.b',
      podName: 'failing-dag-kf8q8-bad-2875380033',
      template: {
        name: 'bad',
        metadata: { annotations: { 'kwok.capstan.test/exit-code': '3' } },
        container: { image: 'busybox', command: ['sh', '-c', 'exit 3'] },
      },
    }));
    expect(asOracleWrites(pod)).toEqual(oracle(oracleFailingDagBadPod));
  });

  it('gives main the v4 ARGO_WORKFLOW_NAME without repeating it in the argoexec containers', () => {
    const pod = buildPod(input({ template: { name: 'main', container: { image: 'busybox', command: ['true'] } } }));
    const names = (c: Container | undefined) => c?.env?.filter((e) => e.name === 'ARGO_WORKFLOW_NAME').length;
    expect(pod.spec.containers.map(names)).toEqual([1, 1]);
    expect(names(pod.spec.initContainers?.[0])).toBe(1);
  });

  it('stages a script: source path as the last argument, argo-staging on init, main and (mirrored) wait', () => {
    const pod = buildPod(input({ includeScriptOutput: true, template: { name: 'gen', script: { image: 'python:3', command: ['python'], source: 'print(1)' } } }));
    const [wait, main] = pod.spec.containers;
    expect(main?.command).toEqual(['/var/run/argo/argoexec', 'emissary', '--loglevel', 'info', '--log-format', 'text', '--gloglevel', '0', '--', 'python']);
    expect(main?.args).toEqual(['/argo/staging/script']);
    expect(main?.volumeMounts).toEqual([{ name: 'argo-staging', mountPath: '/argo/staging' }, { name: 'var-run-argo', mountPath: '/var/run/argo' }]);
    expect(pod.spec.initContainers?.[0]?.volumeMounts).toEqual([{ name: 'argo-staging', mountPath: '/argo/staging' }, { name: 'var-run-argo', mountPath: '/var/run/argo' }]);
    expect(wait?.volumeMounts).toEqual([
      { name: 'argo-staging', mountPath: '/mainctrfs/argo/staging' },
      { name: 'tmp-dir-argo', mountPath: '/tmp', subPath: '0' },
      { name: 'var-run-argo', mountPath: '/var/run/argo' },
    ]);
    expect(pod.spec.volumes?.map((v) => v.name)).toEqual(['var-run-argo', 'tmp-dir-argo', 'argo-staging']);
    expect(main?.env?.find((e) => e.name === 'ARGO_INCLUDE_SCRIPT_OUTPUT')?.value).toBe('true');
    const template = JSON.parse(pod.spec.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value ?? '{}');
    expect(template.script.source).toBe('print(1)');
  });

  it('drops input parameters from ARGO_TEMPLATE and keeps artifacts', () => {
    const pod = buildPod(input({
      template: { name: 'main', inputs: { parameters: [{ name: 'x', value: '1' }], artifacts: [{ name: 'a', path: '/a', raw: { data: 'x' } }] }, container: { image: 'busybox', command: ['true'] } },
    }));
    const value = JSON.parse(pod.spec.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value ?? '{}');
    expect(value.inputs).toEqual({ artifacts: [{ name: 'a', path: '/a', raw: { data: 'x' } }] });
  });

  it('takes scheduling from the template, then the boundary template, then the workflow', () => {
    const spec = { nodeSelector: { wf: '1' }, tolerations: [{ key: 'wf' }], affinity: { nodeAffinity: {} }, serviceAccountName: 'wf-sa', imagePullSecrets: [{ name: 'pull' }] };
    const pod = buildPod(input({
      workflow: { name: 'w', namespace: 'ns', uid: 'u', spec },
      boundaryTemplate: { name: 'dag', tolerations: [{ key: 'boundary' }] },
      template: { name: 'main', nodeSelector: { tmpl: '1' }, serviceAccountName: 'tmpl-sa', container: { image: 'busybox', command: ['true'] } },
    }));
    expect(pod.spec.nodeSelector).toEqual({ tmpl: '1' });
    expect(pod.spec.tolerations).toEqual([{ key: 'boundary' }]);
    expect(pod.spec.affinity).toEqual({ nodeAffinity: {} });
    expect(pod.spec.serviceAccountName).toBe('tmpl-sa');
    expect(pod.spec.imagePullSecrets).toEqual([{ name: 'pull' }]);
  });

  it('merges podMetadata and template metadata over the defaults', () => {
    const pod = buildPod(input({
      workflow: { name: 'w', namespace: 'ns', uid: 'u', spec: { podMetadata: { labels: { team: 'a' }, annotations: { note: 'wf' } } } },
      template: { name: 'main', metadata: { labels: { tier: 'x' }, annotations: { note: 'tmpl' } }, container: { image: 'busybox', command: ['true'] } },
    }));
    expect(pod.metadata.labels).toEqual({ 'workflows.argoproj.io/workflow': 'w', 'workflows.argoproj.io/completed': 'false', team: 'a', tier: 'x' });
    expect(pod.metadata.annotations?.note).toBe('tmpl');
  });

  it('shortens activeDeadlineSeconds to the workflow deadline and writes ARGO_DEADLINE', () => {
    const deadline = new Date(now.getTime() + 30_000);
    const pod = buildPod(input({ workflow: { name: 'w', namespace: 'ns', uid: 'u', spec: {}, deadline }, template: { name: 'main', activeDeadlineSeconds: 60, container: { image: 'busybox', command: ['true'] } } }));
    expect(pod.spec.activeDeadlineSeconds).toBe(30);
    expect(pod.spec.containers[1]?.env?.find((e) => e.name === 'ARGO_DEADLINE')?.value).toBe('2026-11-24T00:06:45Z');
    expect(() => buildPod(input({ workflow: { name: 'w', namespace: 'ns', uid: 'u', spec: {}, deadline: now }, template: { name: 'main', container: { image: 'busybox', command: ['true'] } } })))
      .toThrow('Step exceeded its deadline');
  });

  it('applies the workflow podSpecPatch, then the template one, as a strategic merge', () => {
    const pod = buildPod(input({
      workflow: { name: 'w', namespace: 'ns', uid: 'u', spec: { podSpecPatch: '{"containers":[{"name":"main","resources":{"limits":{"cpu":"1"}}}]}' } },
      template: { name: 'main', podSpecPatch: 'terminationGracePeriodSeconds: 5\ncontainers:\n- name: main\n  env:\n  - {name: POD, value: "{{pod.name}}"}\n', container: { image: 'busybox', command: ['true'] } },
    }));
    const main = pod.spec.containers[1];
    expect(main?.resources).toEqual({ limits: { cpu: '1' } });
    expect(main?.env?.find((e) => e.name === 'POD')?.value).toBe('hello-world-zb8df');
    expect(main?.command?.slice(0, 2)).toEqual(['/var/run/argo/argoexec', 'emissary']);
    expect(main?.env?.at(-1)).toEqual({ name: 'ARGO_TERMINATION_GRACE_PERIOD_SECONDS', value: '5' });
  });

  it('adds workflow volumes the template mounts and fails on unknown ones', () => {
    const pod = buildPod(input({
      workflow: { name: 'w', namespace: 'ns', uid: 'u', spec: { volumes: [{ name: 'data', emptyDir: {} }] } },
      template: { name: 'main', container: { image: 'busybox', command: ['true'], volumeMounts: [{ name: 'data', mountPath: '/data' }] } },
    }));
    expect(pod.spec.volumes?.map((v) => v.name)).toEqual(['var-run-argo', 'tmp-dir-argo', 'data']);
    expect(pod.spec.containers[0]?.volumeMounts?.[0]).toEqual({ name: 'data', mountPath: '/mainctrfs/data' });
    expect(() => buildPod(input({ template: { name: 'main', container: { image: 'busybox', command: ['true'], volumeMounts: [{ name: 'nope', mountPath: '/x' }] } } })))
      .toThrow("volume 'nope' not found in workflow spec");
  });

  it('wraps sidecars in emissary and needs a command for images it cannot look up', () => {
    const pod = buildPod(input({
      imageCommands: { nginx: { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] } },
      template: { name: 'main', sidecars: [{ name: 'web', image: 'nginx' }], container: { image: 'busybox', command: ['true'] } },
    }));
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['wait', 'main', 'web']);
    expect(pod.spec.containers[2]?.command?.slice(-2)).toEqual(['--', '/docker-entrypoint.sh']);
    expect(pod.spec.containers[2]?.args).toEqual(['nginx', '-g', 'daemon off;']);
    expect(() => buildPod(input({ template: { name: 'main', container: { image: 'busybox' } } }))).toThrow(PodBuildError);
  });

  it("builds a containerSet pod as Argo v3.7.9 did on the test bed: each container under emissary, the set's mounts on each", () => {
    const template: Template = {
      name: 'group',
      containerSet: {
        volumeMounts: [{ name: 'workspace', mountPath: '/workspace' }],
        containers: [
          { name: 'a', image: 'busybox', command: ['echo', 'a'] },
          { name: 'b', image: 'busybox', command: ['echo', 'b'], dependencies: ['a'] },
          { name: 'main', image: 'busybox', command: ['echo', 'd'], dependencies: ['b'] },
        ],
      },
    };
    const pod = buildPod(input({
      workflow: { name: 'cs-oracle', namespace: 'argo-oracle', uid: 'u', spec: { entrypoint: 'main', volumes: [{ name: 'workspace', emptyDir: {} }] } },
      nodeId: 'cs-oracle-3151059527', nodeName: 'cs-oracle[0].group', podName: 'cs-oracle-group-3151059527', template,
    }));
    expect(pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']).toBe('main');
    expect(pod.spec.volumes).toEqual([{ name: 'var-run-argo', emptyDir: {} }, { name: 'tmp-dir-argo', emptyDir: {} }, { name: 'workspace', emptyDir: {} }]);
    const shape = pod.spec.containers.map((c) => [c.name, c.command?.join(' '), c.volumeMounts?.map((m) => m.mountPath).join(',')]);
    const emissary = '/var/run/argo/argoexec emissary --loglevel info --log-format text --gloglevel 0 --';
    expect(shape).toEqual([
      ['wait', 'argoexec wait --loglevel info --log-format text --gloglevel 0', '/mainctrfs/workspace,/tmp,/var/run/argo'],
      ['a', `${emissary} echo a`, '/workspace,/var/run/argo'],
      ['b', `${emissary} echo b`, '/workspace,/var/run/argo'],
      ['main', `${emissary} echo d`, '/workspace,/var/run/argo'],
    ]);
    expect(pod.spec.containers[1]?.env?.find((e) => e.name === 'ARGO_CONTAINER_NAME')?.value).toBe('a');
    expect(pod.spec.containers.some((c) => 'dependencies' in c)).toBe(false);
    // Without a container named main, the last one is kubectl's default and wait mirrors nothing.
    const noMain = buildPod(input({ template: { name: 'g', containerSet: { containers: [{ name: 'x', image: 'busybox', command: ['true'] }, { name: 'y', image: 'busybox', command: ['true'] }] } } }));
    expect(noMain.metadata.annotations?.['kubectl.kubernetes.io/default-container']).toBe('y');
  });

  it("builds a resource template's pod as Argo v3.7.9 did on the test bed: argoexec resource as main, no wait container", () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: res-\ndata:\n  a: b\n';
    const pod = buildPod(input({
      workflow: { name: 'res-oracle', namespace: 'argo-oracle', uid: '642c9786-2c37-4ea2-b0d3-5647caf10a39', spec: { entrypoint: 'main' } },
      nodeId: 'res-oracle', nodeName: 'res-oracle', podName: 'res-oracle', template: { name: 'main', resource: { action: 'create', manifest } },
    }));
    expect(pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']).toBe('main');
    expect(pod.spec.volumes?.map((v) => v.name)).toEqual(['var-run-argo', 'tmp-dir-argo']);
    expect(pod.spec.initContainers?.map((c) => c.name)).toEqual(['init']);
    const [main] = pod.spec.containers;
    expect(pod.spec.containers).toHaveLength(1);
    expect(main).toMatchObject({ name: 'main', image: 'quay.io/argoproj/argoexec:v3.7.9' });
    expect(main?.command).toEqual(['/var/run/argo/argoexec', 'emissary', '--loglevel', 'info', '--log-format', 'text', '--gloglevel', '0', '--',
      'argoexec', 'resource', 'create', '--loglevel', 'info', '--log-format', 'text', '--gloglevel', '0']);
    expect(main?.volumeMounts).toEqual([{ name: 'tmp-dir-argo', mountPath: '/tmp', subPath: '0' }, { name: 'var-run-argo', mountPath: '/var/run/argo' }]);
    expect(main?.env?.map((e) => e.name)).toEqual(['ARGO_POD_NAME', 'ARGO_POD_UID', 'ARGO_WORKFLOW_NAME', 'ARGO_WORKFLOW_UID', 'ARGO_CONTAINER_NAME', 'ARGO_NODE_ID',
      'ARGO_INCLUDE_SCRIPT_OUTPUT', 'ARGO_DEADLINE', 'ARGO_PROGRESS_FILE', 'ARGO_PROGRESS_PATCH_TICK_DURATION', 'ARGO_PROGRESS_FILE_TICK_DURATION']);
    const template = pod.spec.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value;
    expect(template).toBe(JSON.stringify({ name: 'main', inputs: {}, outputs: {}, metadata: {}, resource: { action: 'create', manifest } }));
  });

  it('names the workflow as owner in the manifest with setOwnerReference', () => {
    const pod = buildPod(input({ template: { name: 'r', resource: { action: 'create', setOwnerReference: true, manifest: 'kind: ConfigMap\nmetadata:\n  name: x\n' } } }));
    const template = JSON.parse(pod.spec.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value ?? '{}');
    expect(template.resource.manifest).toBe([
      'kind: ConfigMap', 'metadata:', '  name: x', '  ownerReferences:', '  - apiVersion: argoproj.io/v1alpha1', '    blockOwnerDeletion: true',
      '    controller: true', '    kind: Workflow', '    name: hello-world-zb8df', '    uid: 6ee77188-6a09-49ac-bacc-26b3e193e6d9', '',
    ].join('\n'));
  });

  it('loads input artifacts as Argo v3.7.9 did on the test bed: init fills input-artifacts, main mounts each artifact', () => {
    const template = JSON.parse(oracleInputArtifactsPod.template) as Template;
    const workflow = { name: 'input-artifacts-c52j6', namespace: 'argo-oracle', uid: 'u', spec: { entrypoint: 'main', volumes: [{ name: 'work', emptyDir: {} }] } };
    const pod = buildPod(input({ template, workflow, podName: oracleInputArtifactsPod.podName }));
    const mounts = Object.fromEntries([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c.volumeMounts]));
    expect(mounts).toEqual(oracleInputArtifactsPod.volumeMounts);
    expect(pod.spec.volumes).toEqual(oracleInputArtifactsPod.volumes);
    // The template argoexec init reads: the same JSON, field for field.
    expect(pod.spec.initContainers?.[0]?.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value).toBe(oracleInputArtifactsPod.template);
  });

  it("mounts a containerSet's input artifacts on the container named main and stages a script's beside them", () => {
    const artifacts = [{ name: 'a', path: '/in/a', raw: { data: 'x' } }];
    const set = buildPod(input({ template: { name: 's', inputs: { artifacts }, containerSet: { containers: [{ name: 'first', image: 'busybox', command: ['true'] }, { name: 'main', image: 'busybox', command: ['true'] }] } } }));
    const byName = (pod: PodManifest, name: string) => pod.spec.containers.find((c) => c.name === name)?.volumeMounts;
    expect(byName(set, 'first')).toEqual([{ name: 'var-run-argo', mountPath: '/var/run/argo' }]);
    expect(byName(set, 'main')?.[0]).toEqual({ name: 'input-artifacts', mountPath: '/in/a', subPath: 'a' });
    const script = buildPod(input({ template: { name: 's', inputs: { artifacts }, script: { image: 'busybox', command: ['sh'], source: 'cat /in/a' } } }));
    expect(script.spec.volumes?.map((v) => v.name)).toEqual(['var-run-argo', 'tmp-dir-argo', 'input-artifacts', 'argo-staging']);
    expect(byName(script, 'main')?.map((m) => m.name)).toEqual(['input-artifacts', 'argo-staging', 'var-run-argo']);
    expect(script.spec.initContainers?.[0]?.volumeMounts?.map((m) => m.mountPath)).toEqual(['/argo/inputs/artifacts', '/argo/staging', '/var/run/argo']);
  });

  it('refuses an input artifact path that climbs out with ..', () => {
    const template: Template = { name: 't', inputs: { artifacts: [{ name: 'a', path: '/tmp/safe/../../etc', raw: { data: 'x' } }] }, container: { image: 'busybox', command: ['true'] } };
    expect(() => buildPod(input({ template }))).toThrow(new PodBuildError("error in inputs.artifacts.a: Artifact 'a' attempted to use a path containing '..'. Directory traversal is not permitted"));
  });

  it("mounts each Secret an artifact store uses once, with the keys used, on init and wait", () => {
    const secret = (name: string, key: string) => ({ name, key });
    const template: Template = {
      name: 't', container: { image: 'busybox', command: ['true'] },
      archiveLocation: { s3: { key: 'k', bucket: 'b', endpoint: 'e', accessKeySecret: secret('s3', 'a'), secretKeySecret: secret('s3', 'b') } },
      inputs: { artifacts: [{ name: 'g', path: '/g', git: { repo: 'r', usernameSecret: secret('git', 'u'), passwordSecret: secret('s3', 'a') } }] },
    };
    const pod = buildPod(input({ template }));
    expect(pod.spec.volumes?.filter((v) => v.secret)).toEqual([
      { name: 's3', secret: { secretName: 's3', items: [{ key: 'a', path: 'a' }, { key: 'b', path: 'b' }] } },
      { name: 'git', secret: { secretName: 'git', items: [{ key: 'u', path: 'u' }] } },
    ]);
    const secretMounts = [{ name: 's3', mountPath: '/argo/secret/s3', readOnly: true }, { name: 'git', mountPath: '/argo/secret/git', readOnly: true }];
    expect(pod.spec.initContainers?.[0]?.volumeMounts?.slice(0, 2)).toEqual(secretMounts);
    expect(pod.spec.containers[0]?.volumeMounts?.slice(0, 2)).toEqual(secretMounts);
    expect(pod.spec.containers[1]?.volumeMounts?.some((m) => m.name === 's3')).toBe(false);
  });
});
