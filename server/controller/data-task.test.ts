import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigSource } from '../artifacts/config-source';
import { runDataTask } from './data-task';

const root = mkdtempSync(join(tmpdir(), 'capstan-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const secrets: ConfigSource = { configMap: async () => undefined, secret: async () => undefined };
const workflow = { namespace: 'argo', name: 'wf', uid: 'u' };

describe('runDataTask', () => {
  it('lists the artifact paths and transforms the list into outputs.result', async () => {
    mkdirSync(join(root, 'logs', 'a'), { recursive: true });
    for (const file of ['logs/a/main.log', 'logs/a/other.txt', 'logs/b.log']) writeFileSync(join(root, file), 'x');
    const observation = await runDataTask(workflow, {
      nodeId: 'n', podName: 'p',
      template: { name: 'list', data: { source: { artifactPaths: { name: 'files', s3: { key: 'logs' } } }, transformation: [{ expression: 'filter(data, {# endsWith ".log"})' }] } },
    }, { secrets, localRoot: root });
    expect(observation.phase).toBe('Succeeded');
    expect(JSON.parse(observation.outputs?.result ?? '').sort()).toEqual(['logs/a/main.log', 'logs/b.log']);
  });

  it('fails with the step that went wrong', async () => {
    const observation = await runDataTask(workflow, {
      nodeId: 'n', podName: 'p',
      template: { name: 'list', data: { source: { artifactPaths: { name: 'files', s3: { key: 'logs' } } }, transformation: [{ expression: 'nope(' }] } },
    }, { secrets, localRoot: root });
    expect(observation).toMatchObject({ phase: 'Failed', message: expect.stringMatching(/^error processing data step 0/) });
  });
});
