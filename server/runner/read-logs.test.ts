import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStepLogs } from './read-logs';
import { StepLog } from './step-log';
import type { StepLogOptions } from './step-runner';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function newLog() {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-logs-'));
  dirs.push(dir);
  const log = new StepLog(join(dir, 'main.log'), join(dir, 'stdout'));
  return { log, path: join(dir, 'main.log') };
}

async function collect(path: string, options: StepLogOptions, log?: StepLog, signal?: AbortSignal) {
  const lines: string[] = [];
  for await (const { line } of readStepLogs(path, options, log, signal)) lines.push(line);
  return lines;
}

describe('StepLog', () => {
  it('splits chunks into lines per stream and flushes unterminated ones at the end', async () => {
    const { log, path } = newLog();
    log.write('stdout', Buffer.from('one\ntw'));
    log.write('stderr', Buffer.from('err\n'));
    log.write('stdout', Buffer.from('o\nthree'));
    log.end();
    expect(await collect(path, {})).toEqual(['one', 'err', 'two', 'three']);
  });
});

describe('readStepLogs', () => {
  it('takes the tail before grepping, as Kubernetes and then Argo do', async () => {
    const { log, path } = newLog();
    log.write('stdout', Buffer.from('a1\nb1\na2\nb2\na3\n'));
    log.end();
    expect(await collect(path, { tailLines: 2 })).toEqual(['b2', 'a3']);
    expect(await collect(path, { tailLines: 3, grep: '^a' })).toEqual(['a2', 'a3']);
    expect(await collect(path, { tailLines: 0 })).toEqual([]);
    expect(await collect(path, { container: 'wait' })).toEqual([]);
  });

  it('follows a live log from where the file ends until the output is complete', async () => {
    const { log, path } = newLog();
    log.write('stdout', Buffer.from('before\n'));
    const following = collect(path, { follow: true }, log);
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.write('stdout', Buffer.from('after\n'));
    log.end();
    expect(await following).toEqual(['before', 'after']);
  });

  it('stops following when the signal aborts', async () => {
    const { log, path } = newLog();
    const controller = new AbortController();
    const following = collect(path, { follow: true }, log, controller.signal);
    log.write('stdout', Buffer.from('one\n'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await following).toEqual(['one']);
    log.end();
  });

  it('yields nothing for a log that was never written', async () => {
    expect(await collect('/nonexistent/main.log', { follow: true })).toEqual([]);
  });
});
