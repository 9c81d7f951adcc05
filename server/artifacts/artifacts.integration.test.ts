import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapstanProcess, freePort, startCapstan } from '../testing/capstan-process';
import { S3Client } from './s3-client';
import { type TlsMinio, dataDirWith, minio, minioRepository, minioSecret, runWorkflow, serveFile, serveGitRepository, startTlsMinio } from './testing/artifact-bed';

// Embedded mode against the bed's real MinIO: repositories resolved from ConfigMaps and Secrets in
// <data dir>/config, exactly as a user would write them for kubectl.
const run = Date.now().toString(36);
const buckets = { controller: `ctrl-${run}`, namespace: `team-${run}`, workflow: `fast-${run}` };
// Never created, by the test or by Capstan.
const missingBucket = `missing-${run}`;
const createdBucket = `created-${run}`;
const tlsBucket = `tls-${run}`;
let tlsMinio: TlsMinio;
const team = 'team';
let capstan: CapstanProcess;

beforeAll(async () => {
  const { client } = minio();
  // A port nothing listens on: the repository is unreachable.
  const closedPort = await freePort();
  for (const bucket of Object.values(buckets)) await client.createBucket(bucket);
  tlsMinio = await startTlsMinio();
  const s3 = minio();
  await new S3Client({ endpoint: tlsMinio.endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey }, ca: tlsMinio.ca }).createBucket(tlsBucket);
  const dataDir = dataDirWith([
    minioSecret(),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'minio-ca' }, stringData: { 'ca.crt': tlsMinio.ca } },
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'workflow-controller-configmap', namespace: 'argo' },
      data: { artifactRepository: JSON.stringify(minioRepository(buckets.controller)) },
    },
    {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'artifact-repositories', namespace: team, annotations: { 'workflows.argoproj.io/default-artifact-repository': 'team-minio' } },
      data: { 'team-minio': JSON.stringify(minioRepository(buckets.namespace, { keyFormat: 'runs/{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}' })) },
    },
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'my-repos', namespace: team },
      data: { fast: JSON.stringify(minioRepository(buckets.workflow)), broken: JSON.stringify({ s3: { ...minioRepository('nowhere').s3, endpoint: `127.0.0.1:${closedPort}` } }),
        'no-bucket': JSON.stringify(minioRepository(missingBucket)),
        'create-bucket': JSON.stringify({ s3: { ...minioRepository(createdBucket).s3, createBucketIfNotPresent: {} } }),
        tls: JSON.stringify({ s3: {
          ...minioRepository(tlsBucket).s3, endpoint: new URL(tlsMinio.endpoint).host, insecure: false, caSecret: { name: 'minio-ca', key: 'ca.crt' },
          encryptionOptions: { enableEncryption: true, kmsKeyId: tlsMinio.kmsKeyId, kmsEncryptionContext: '{"team": "data"}' },
        } }),
        'sse-c': JSON.stringify({ s3: { ...minioRepository(buckets.workflow).s3, encryptionOptions: { enableEncryption: true, serverSideCustomerKeySecret: { name: 'minio-creds', key: 'secretkey' } } } }),
      },
    },
  ]);
  capstan = await startCapstan(['--no-samples'], {}, { dataDir });
}, 300_000);
afterAll(async () => {
  await capstan?.stop();
  await tlsMinio?.stop();
});

const oneOutput = (spec: Record<string, unknown> = {}) => ({
  metadata: { generateName: 'repo-' },
  spec: {
    entrypoint: 'main',
    ...spec,
    templates: [{ name: 'main', container: { image: 'busybox', command: ['sh', '-c', 'echo hi > /tmp/hi.txt'] }, outputs: { artifacts: [{ name: 'hi', path: '/tmp/hi.txt' }] } }],
  },
});

describe('artifact repositories (embedded mode, MinIO)', () => {
  it('a workflow ref beats the namespace default, which beats the controller configuration', async () => {
    const { client } = minio();
    const [fromController, fromNamespace, fromWorkflow] = await Promise.all([
      runWorkflow(capstan.url, 'argo', oneOutput()),
      runWorkflow(capstan.url, team, oneOutput()),
      runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'fast' } })),
    ]);
    for (const result of [fromController, fromNamespace, fromWorkflow]) expect(result.phase, result.message).toBe('Succeeded');
    expect(fromController.status['artifactRepositoryRef']).toEqual({ default: true, artifactRepository: minioRepository(buckets.controller) });
    expect(fromNamespace.status['artifactRepositoryRef']).toMatchObject({ configMap: 'artifact-repositories', key: 'team-minio', namespace: team });
    expect(fromWorkflow.status['artifactRepositoryRef']).toMatchObject({ configMap: 'my-repos', key: 'fast', namespace: team });
    expect(await client.listKeys(buckets.controller, `${fromController.name}/`)).toEqual([`${fromController.name}/${fromController.name}/hi.tgz`]);
    expect(await client.listKeys(buckets.namespace)).toEqual([`runs/${team}/${fromNamespace.name}/${fromNamespace.name}/hi.tgz`]);
    expect(await client.listKeys(buckets.workflow)).toEqual([`${fromWorkflow.name}/${fromWorkflow.name}/hi.tgz`]);
  });

  it('passes a tarred directory between steps byte for byte', async () => {
    const workflow = parse(`
metadata: {generateName: tree-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: make
        template: make
    - - name: check
        template: check
        arguments:
          artifacts: [{name: tree, from: "{{steps.make.outputs.artifacts.tree}}"}]
  - name: make
    script:
      image: busybox
      command: [sh]
      source: |
        mkdir -p /tmp/tree/deep/er && cd /tmp/tree
        head -c 300000 /dev/urandom > big.bin; head -c 17 /dev/urandom > deep/er/small.bin; printf 'x' > deep/one.txt
        find . -type f | sort | xargs cat | sha256sum | cut -c1-64 > /tmp/sum
    outputs:
      parameters: [{name: sum, valueFrom: {path: /tmp/sum}}]
      artifacts: [{name: tree, path: /tmp/tree, archive: {tar: {compressionLevel: 1}}}]
  - name: check
    inputs:
      artifacts: [{name: tree, path: /work/tree}]
    script:
      image: busybox
      command: [sh]
      source: |
        cd /work/tree && find . -type f | sort | xargs cat | sha256sum | cut -c1-64 > /tmp/sum
    outputs:
      parameters: [{name: sum, valueFrom: {path: /tmp/sum}}]
`);
    const result = await runWorkflow(capstan.url, team, workflow);
    expect(result.phase, result.message).toBe('Succeeded');
    const nodes = Object.values(result.status.nodes ?? {});
    const sum = (name: string) => nodes.find((n) => n.displayName === name)?.outputs?.parameters?.[0]?.value;
    expect(sum('check')).toBe(sum('make'));
    // The object in MinIO is a tar.gz of the directory: the same bytes come out with tar(1).
    const key = nodes.find((n) => n.displayName === 'make')?.outputs?.artifacts?.[0]?.s3?.key ?? '';
    const archive = await minio().client.getObject(buckets.namespace, key);
    const dir = mkdtempSync(join(tmpdir(), 'capstan-tree-'));
    writeFileSync(join(dir, 'tree.tgz'), archive);
    execFileSync('tar', ['-xzf', 'tree.tgz'], { cwd: dir });
    const files = execFileSync('sh', ['-c', 'cd tree && find . -type f | sort'], { cwd: dir }).toString().trim().split('\n');
    const hash = createHash('sha256');
    for (const file of files) hash.update(readFileSync(join(dir, 'tree', file)));
    expect(hash.digest('hex')).toBe(sum('make'));
  });

  it('saves an output larger than one upload part (70 MiB: a multipart upload) and passes it on whole', async () => {
    const workflow = parse(`
metadata: {generateName: big-output-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: make
        template: make
    - - name: check
        template: check
        arguments:
          artifacts: [{name: big, from: "{{steps.make.outputs.artifacts.big}}"}]
  - name: make
    script:
      image: busybox
      command: [sh]
      source: head -c 73400320 /dev/urandom > /tmp/big.bin && sha256sum /tmp/big.bin | cut -c1-64 > /tmp/sum
    outputs:
      parameters: [{name: sum, valueFrom: {path: /tmp/sum}}]
      artifacts: [{name: big, path: /tmp/big.bin, archive: {none: {}}}]
  - name: check
    inputs:
      artifacts: [{name: big, path: /work/big.bin}]
    script:
      image: busybox
      command: [sh]
      source: sha256sum /work/big.bin | cut -c1-64 > /tmp/sum
    outputs:
      parameters: [{name: sum, valueFrom: {path: /tmp/sum}}]
`);
    const result = await runWorkflow(capstan.url, team, workflow);
    expect(result.phase, result.message).toBe('Succeeded');
    const nodes = Object.values(result.status.nodes ?? {});
    const sum = (name: string) => nodes.find((n) => n.displayName === name)?.outputs?.parameters?.[0]?.value;
    expect(sum('make')).toMatch(/^[0-9a-f]{64}$/);
    expect(sum('check')).toBe(sum('make'));
  });

  it('fails only the workflow whose repository is unreachable, with a clear message', async () => {
    const [broken, fine] = await Promise.all([
      runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'broken' } })),
      runWorkflow(capstan.url, team, oneOutput()),
    ]);
    expect(fine.phase).toBe('Succeeded');
    expect(broken.phase).toBe('Error');
    const node = Object.values(broken.status.nodes ?? {}).find((n) => n.type === 'Pod');
    expect(node?.message).toMatch(/failed to save outputs: artifact hi: s3 PUT 127\.0\.0\.1:\d+\/nowhere\/.*ECONNREFUSED/);
  });

  it('never creates a bucket: saving into a missing one fails the node with S3’s answer', async () => {
    const result = await runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'no-bucket' } }));
    expect(result.phase).toBe('Error');
    const node = Object.values(result.status.nodes ?? {}).find((n) => n.type === 'Pod');
    expect(node?.message).toMatch(/failed to save outputs: artifact hi: .*NoSuchBucket/);
    await expect(minio().client.listKeys(missingBucket)).rejects.toThrow(/NoSuchBucket/);
  });

  it('creates a missing bucket when the repository says createBucketIfNotPresent', async () => {
    const result = await runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'create-bucket' } }));
    expect(result.phase, result.message).toBe('Succeeded');
    const keys = await minio().client.listKeys(createdBucket);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/hi\.tgz$/);
  });

  it("saves into an S3 endpoint over TLS whose certificate the repository's caSecret trusts, encrypted as its encryptionOptions ask", async () => {
    const result = await runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'tls' } }));
    expect(result.phase, result.message).toBe('Succeeded');
    const s3 = minio();
    const client = new S3Client({ endpoint: tlsMinio.endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey }, ca: tlsMinio.ca });
    const keys = await client.listKeys(tlsBucket);
    expect(keys).toHaveLength(1);
    const head = await client.headObject(tlsBucket, keys[0]!);
    expect(head['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(head['x-amz-server-side-encryption-aws-kms-key-id']).toMatch(new RegExp(tlsMinio.kmsKeyId));
  });

  it('fails the node with a clear message for SSE-C encryptionOptions, which Capstan does not support yet', async () => {
    const result = await runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'my-repos', key: 'sse-c' } }));
    expect(result.phase).toBe('Error');
    const node = Object.values(result.status.nodes ?? {}).find((n) => n.type === 'Pod');
    expect(node?.message).toMatch(/failed to save outputs: artifact hi: encryptionOptions: serverSideCustomerKeySecret \(SSE-C\) is not supported by Capstan yet/);
  });

  it('fails a workflow whose artifactRepositoryRef names nothing', async () => {
    const result = await runWorkflow(capstan.url, team, oneOutput({ artifactRepositoryRef: { configMap: 'nope', key: 'x' } }));
    expect(result.phase).toBe('Error');
    expect(result.message).toBe('failed to resolve artifact repository: failed to find any artifact repository for artifact repository ref "nope#x"');
  });
});

describe("Argo's artifact examples (embedded mode, MinIO)", () => {
  const examples = join(process.cwd(), '..', 'shared', 'argo', 'examples');
  const example = (file: string) => parse(readFileSync(join(examples, file), 'utf8')) as { spec: { templates: Record<string, never>[] } } & Record<string, unknown>;

  it.each(['artifact-passing.yaml', 'key-only-artifact.yaml', 'input-artifact-raw.yaml', 'global-outputs.yaml', 'conditional-artifacts.yaml', 'arguments-artifacts.yaml'])(
    '%s reaches Succeeded', async (file) => {
      const workflow = example(file);
      // arguments-artifacts downloads kubectl from the internet: a local server gives it a stand-in.
      let cleanUp = () => {};
      if (file === 'arguments-artifacts.yaml') {
        const served = await serveFile('/kubectl', Buffer.from('#!/bin/sh\necho "Client Version: stand-in"\n'));
        cleanUp = () => served.server.close();
        const args = (workflow.spec as unknown as { arguments: { artifacts: { http?: { url: string } }[] } }).arguments;
        args.artifacts[0]!.http!.url = served.url;
        // The sandbox's /usr is the host's, read-only: the tool goes to /tmp/bin instead.
        const template = workflow.spec.templates[0] as unknown as { inputs: { artifacts: { path: string }[] }; container: { args: string[] } };
        template.inputs.artifacts[0]!.path = '/tmp/bin/kubectl';
        template.container.args = ['/tmp/bin/kubectl version'];
      }
      try {
        const result = await runWorkflow(capstan.url, team, workflow);
        const failures = Object.values(result.status.nodes ?? {}).filter((n) => n.phase === 'Failed' || n.phase === 'Error').map((n) => `${n.displayName}: ${n.message}`);
        expect(result.phase, failures.join('; ')).toBe('Succeeded');
      } finally {
        cleanUp();
      }
    }, 150_000);

  it('input-artifact-http.yaml and input-artifact-git.yaml run against local servers', async () => {
    const served = await serveFile('/bin/tool', Buffer.from('#!/bin/sh\necho tool ran\n'));
    const git = await serveGitRepository({ VERSION: '2.1.1\n', 'main.go': 'package main\n' }, 'v2.1.1');
    try {
      const http = example('input-artifact-http.yaml');
      const httpTemplate = http.spec.templates[0] as unknown as { inputs: { artifacts: { path: string; http: { url: string } }[] }; container: { args: string[] } };
      httpTemplate.inputs.artifacts[0]!.http.url = served.url;
      // The sandbox's /bin is the host's, read-only: the tool goes to /tmp/bin instead.
      httpTemplate.inputs.artifacts[0]!.path = '/tmp/bin/kubectl';
      httpTemplate.container.args = ['/tmp/bin/kubectl version'];
      const gitExample = example('input-artifact-git.yaml');
      const gitTemplate = gitExample.spec.templates[0] as unknown as { inputs: { artifacts: { git: { repo: string } }[] }; container: { args: string[] } };
      gitTemplate.inputs.artifacts[0]!.git.repo = git.url;
      gitTemplate.container.args = ['git status && ls && cat VERSION'];
      const [httpResult, gitResult] = await Promise.all([runWorkflow(capstan.url, team, http), runWorkflow(capstan.url, team, gitExample)]);
      expect(httpResult.phase, JSON.stringify(httpResult.status.nodes)).toBe('Succeeded');
      expect(gitResult.phase, JSON.stringify(gitResult.status.nodes)).toBe('Succeeded');
    } finally {
      served.server.close();
      git.daemon.kill();
    }
  }, 150_000);

  it('output-artifact-s3.yaml writes to the location it names', async () => {
    const workflow = example('output-artifact-s3.yaml');
    const template = workflow.spec.templates[0] as unknown as { outputs: { artifacts: { s3: Record<string, unknown> }[] } };
    const s3 = template.outputs.artifacts[0]!.s3;
    Object.assign(s3, { ...minioRepository(buckets.workflow).s3, key: `explicit-${run}/hello_world.txt.tgz` });
    delete s3['region'];
    const result = await runWorkflow(capstan.url, team, workflow);
    expect(result.phase, result.message).toBe('Succeeded');
    expect(await minio().client.listKeys(buckets.workflow, `explicit-${run}/`)).toEqual([`explicit-${run}/hello_world.txt.tgz`]);
  }, 150_000);
});

describe('artifact endpoints (argo-server paths)', () => {
  const report = parse(`
metadata: {generateName: report-}
spec:
  entrypoint: main
  templates:
  - name: main
    script:
      image: busybox
      command: [sh]
      source: |
        mkdir -p /tmp/report/img
        echo '<html><body><h1>Report</h1></body></html>' > /tmp/report/report.html
        echo '{"passed": 3}' > /tmp/report/data.json
        printf '\\211PNG\\r\\n\\032\\n' > /tmp/report/img/dot.png
        echo plain > /tmp/plain.txt
    outputs:
      artifacts:
      - {name: report, path: /tmp/report}
      - {name: plain, path: /tmp/plain.txt, archive: {none: {}}}
`);

  it('streams artifacts, lists and serves files inside a packed directory, and refuses traversal', async () => {
    const result = await runWorkflow(capstan.url, team, report);
    expect(result.phase, result.message).toBe('Succeeded');
    const node = Object.entries(result.status.nodes ?? {}).find(([, n]) => n.type === 'Pod')!;
    const [nodeId, status] = node;
    const key = status.outputs?.artifacts?.find((a) => a.name === 'report')?.s3?.key ?? '';
    const whole = await fetch(`${capstan.url}/artifacts/${team}/${result.name}/${nodeId}/report`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(await minio().client.getObject(buckets.namespace, key));
    expect(whole.headers.get('content-disposition')).toBe('filename="report.tgz"');

    const files = `${capstan.url}/artifact-files/${team}/workflows/${result.name}/${nodeId}/outputs`;
    const listing = await fetch(`${files}/report/`);
    expect(listing.status).toBe(200);
    const html = await listing.text();
    expect(html).toContain('<a href="./report.html">report.html</a>');
    expect(html).toContain('<a href="./img/">img/</a>');
    const page = await fetch(`${files}/report/report.html`);
    expect(await page.text()).toContain('<h1>Report</h1>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${files}/report/img/dot.png`)).headers.get('content-type')).toBe('image/png');
    expect(await (await fetch(`${files}/plain`)).text()).toBe('plain\n');
    const download = await fetch(`${capstan.url}/artifacts/${team}/${result.name}/${nodeId}/plain?download`);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="plain.txt"');

    expect((await fetch(`${files}/report/..%2F..%2Fsecret`)).status).toBe(400);
    // Encoded dot segments are resolved by the URL parser before they arrive: this asks for an artifact named x.
    expect((await fetch(`${files}/report/img/%2E%2E/%2E%2E/x`)).status).toBe(404);
    expect((await fetch(`${files}/report/missing.txt`)).status).toBe(404);
    expect((await fetch(`${capstan.url}/artifacts/${team}/${result.name}/nope/report`)).status).toBe(404);
    const wrongKind = await fetch(`${capstan.url}/artifact-files/${team}/pods/${result.name}/${nodeId}/outputs/report`);
    expect(wrongKind.status).toBe(400);
  });
});

describe('artifact garbage collection', () => {
  const gcWorkflow = (strategy: string) => parse(`
metadata: {generateName: gc-}
spec:
  entrypoint: main
  artifactRepositoryRef: {configMap: my-repos, key: fast}
  artifactGC: {strategy: ${strategy}}
  templates:
  - name: main
    container:
      image: busybox
      command: [sh, -c, "echo a > /tmp/a.txt; echo b > /tmp/b.txt; echo c > /tmp/c.txt"]
    outputs:
      artifacts:
      - {name: on-completion, path: /tmp/a.txt, artifactGC: {strategy: OnWorkflowCompletion}}
      - {name: on-deletion, path: /tmp/b.txt}
      - {name: kept, path: /tmp/c.txt, artifactGC: {strategy: Never}}
`);

  it('deletes exactly the collected workflow objects, at completion and at deletion', async () => {
    const { client } = minio();
    const [collected, other] = await Promise.all([
      runWorkflow(capstan.url, team, gcWorkflow('OnWorkflowDeletion')),
      runWorkflow(capstan.url, team, gcWorkflow('Never')),
    ]);
    expect(collected.phase, collected.message).toBe('Succeeded');
    const keys = async (name: string) => (await client.listKeys(buckets.workflow, `${name}/`)).map((k) => k.slice(k.lastIndexOf('/') + 1)).sort();
    await expect.poll(() => keys(collected.name), { timeout: 20_000 }).toEqual(['kept.tgz', 'on-deletion.tgz']);
    await expect.poll(() => keys(other.name), { timeout: 20_000 }).toEqual(['kept.tgz', 'on-deletion.tgz']);
    const read = async () => (await (await fetch(`${capstan.url}/api/v1/workflows/${team}/${collected.name}`)).json()) as { status: { artifactGCStatus?: unknown; nodes: Record<string, { outputs?: { artifacts?: { name: string; deleted?: boolean }[] } }> } };
    await expect.poll(async () => (await read()).status.artifactGCStatus, { timeout: 20_000 }).toEqual({ strategiesProcessed: { OnWorkflowCompletion: true } });
    const pod = Object.values((await read()).status.nodes).find((n) => n.outputs?.artifacts);
    expect(pod?.outputs?.artifacts?.find((a) => a.name === 'on-completion')?.deleted).toBe(true);

    expect((await fetch(`${capstan.url}/api/v1/workflows/${team}/${collected.name}`, { method: 'DELETE' })).status).toBe(200);
    await expect.poll(() => keys(collected.name), { timeout: 20_000 }).toEqual(['kept.tgz']);
    expect(await keys(other.name)).toEqual(['kept.tgz', 'on-deletion.tgz']);
  });
});
