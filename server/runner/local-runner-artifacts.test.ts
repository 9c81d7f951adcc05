import { mkdtempSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Artifact } from '@/lib/generated/argo';
import { DirectoryConfigSource } from '../artifacts/config-source';
import type { LocalRunner } from './local-runner';
import { newDataDir, newRunner, removeDataDirs, runToEnd, shellSpec } from './runner-fixtures';
import { detectSandbox } from './sandbox';

const bwrapWorks = (await detectSandbox('auto')).kind === 'bwrap';
afterAll(removeDataDirs);

// Embedded mode's default: no repository configured, artifacts in a local folder.
describe.skipIf(!bwrapWorks)('LocalRunner artifacts in the local repository', () => {
  let runner: LocalRunner;
  afterEach(async () => runner?.close());
  const localRoot = mkdtempSync(join(tmpdir(), 'capstan-artifacts-'));
  const settings = { secrets: new DirectoryConfigSource(newDataDir()), localRoot };

  it('uploads outputs as tar.gz under <workflow>/<pod>, and a later step downloads them', async () => {
    runner = await newRunner({ sandbox: 'bwrap', artifacts: settings });
    const made = await runToEnd(runner, shellSpec('make', 'mkdir -p /tmp/out/sub && echo one > /tmp/out/a.txt && printf "\\001\\002" > /tmp/out/sub/b.bin && echo msg > /tmp/msg.txt', {
      podName: 'hello-make-1',
      outputs: {
        artifacts: [
          { name: 'tree', path: '/tmp/out', artifact: { name: 'tree', path: '/tmp/out' } },
          { name: 'msg', path: '/tmp/msg.txt', artifact: { name: 'msg', path: '/tmp/msg.txt', archive: { none: {} } } },
          { name: 'absent', path: '/tmp/nothing', optional: true, artifact: { name: 'absent', path: '/tmp/nothing', optional: true } },
        ],
      },
    }));
    expect(made.phase).toBe('Succeeded');
    expect(made.outputs?.artifacts?.map((a) => a.saved)).toEqual([
      { name: 'tree', path: '/tmp/out', s3: { key: 'hello/hello-make-1/tree.tgz' } },
      { name: 'msg', path: '/tmp/msg.txt', archive: { none: {} }, s3: { key: 'hello/hello-make-1/msg.txt' } },
    ]);
    expect((await readdir(join(localRoot, 'hello', 'hello-make-1'))).sort()).toEqual(['msg.txt', 'tree.tgz']);

    const used = await runToEnd(runner, shellSpec('use', 'cat /in/tree/a.txt /in/msg; od -An -tx1 /in/tree/sub/b.bin; ls -l /in/msg | cut -c1-10', {
      podName: 'hello-use-2',
      inputArtifacts: [
        { name: 'tree', path: '/in/tree', s3: { key: 'hello/hello-make-1/tree.tgz' } },
        { name: 'msg', path: '/in/msg', mode: 0o600, s3: { key: 'hello/hello-make-1/msg.txt' } },
      ],
      includeScriptOutput: true,
    }));
    expect(used.phase).toBe('Succeeded');
    expect(used.outputs?.result).toBe('one\nmsg\n 01 02\n-rw-------');
  });

  it('fails the step clearly when a required input is missing, and archives logs when asked', async () => {
    runner = await newRunner({ sandbox: 'bwrap', artifacts: settings });
    const missing = await runToEnd(runner, shellSpec('missing', 'true', { inputArtifacts: [{ name: 'gone', path: '/in/gone', s3: { key: 'nope/x.tgz' } }] }));
    expect(missing.phase).toBe('Error');
    expect(missing.message).toContain('artifact gone failed to load: the specified key does not exist: nope/x.tgz');
    const logged = await runToEnd(runner, shellSpec('logged', 'echo to the log', { podName: 'hello-logged-3', archiveLocation: { archiveLogs: true } }));
    expect(logged.outputs?.artifacts?.[0]?.saved).toEqual({ name: 'main-logs', archive: { none: {} }, s3: { key: 'hello/hello-logged-3/main.log' } });
    expect(await readFile(join(localRoot, 'hello', 'hello-logged-3', 'main.log'), 'utf8')).toBe('to the log\n');
  });

  it('accepts other stores but fails the step that needs one with a clear message', async () => {
    runner = await newRunner({ sandbox: 'bwrap', artifacts: settings });
    for (const [kind, location] of [
      ['gcs', { gcs: { bucket: 'b', key: 'k' } }],
      ['azure', { azure: { container: 'c', blob: 'k', endpoint: 'https://x.blob.core.windows.net' } }],
      ['oss', { oss: { bucket: 'b', key: 'k', endpoint: 'oss.example' } }],
      ['hdfs', { hdfs: { path: '/k', addresses: ['nn:8020'] } }],
      ['artifactory', { artifactory: { url: 'https://art.example/k' } }],
    ] as [string, Omit<Artifact, 'name'>][]) {
      const result = await runToEnd(runner, shellSpec(`store-${kind}`, 'true', { inputArtifacts: [{ name: 'in', path: '/in/x', ...location }] }));
      expect(result.phase).toBe('Error');
      expect(result.message).toContain(`${kind} artifacts are not supported by Capstan yet`);
    }
  });
});
