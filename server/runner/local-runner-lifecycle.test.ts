import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLocalRunner, deadlineMessage, type LocalRunner } from './local-runner';
import { readStartTime } from './process-identity';
import { lostMessage } from './recover-steps';
import { buildSpec, newDataDir, newRunner, readLines, runToEnd, shellSpec, waitFor, workflow, removeDataDirs } from './runner-fixtures';
import { detectSandbox, type SandboxMode } from './sandbox';
import { readStepRecord, writeStepRecord } from './step-record';
import { toStepPaths } from './step-paths';
import { toStepRef } from './step-runner';

const bwrapWorks = (await detectSandbox('auto')).kind === 'bwrap';
const modes: SandboxMode[] = bwrapWorks ? ['bwrap', 'none'] : ['none'];
afterAll(removeDataDirs);

describe.each(modes)('LocalRunner lifecycle (sandbox: %s)', (sandbox) => {
  let runner: LocalRunner;
  afterEach(async () => runner?.close());

  it('stops a step with SIGTERM, letting it clean up within the grace period', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('stop', 'trap "echo cleaning up; exit 7" TERM; echo started; sleep 30 & wait');
    await runner.start(spec);
    await waitFor(runner, toStepRef(spec), (o) => o.phase === 'Running');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await runner.stop(toStepRef(spec), "Stopped with strategy 'Terminate'");
    expect(runner.observe(toStepRef(spec))).toMatchObject({ phase: 'Failed', exitCode: 7, message: "Stopped with strategy 'Terminate'" });
    expect(await readLines(runner, toStepRef(spec))).toEqual(['started', 'cleaning up']);
  });

  it('kills a step that ignores SIGTERM once the grace period is over', async () => {
    runner = await newRunner({ sandbox, terminationGracePeriodMs: 200 });
    const spec = shellSpec('stubborn', 'trap "" TERM; echo started; while true; do sleep 0.05; done');
    await runner.start(spec);
    await waitFor(runner, toStepRef(spec), (o) => o.phase === 'Running');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await runner.stop(toStepRef(spec), 'stopped');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runner.observe(toStepRef(spec))).toMatchObject({ phase: 'Failed', exitCode: 137, message: 'stopped' });
  });

  it('stops a step that has not started yet without running it', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('early', 'echo should not run');
    const started = runner.start(spec);
    await runner.stop(toStepRef(spec), 'stopped early');
    await started;
    expect(runner.observe(toStepRef(spec))).toMatchObject({ phase: 'Failed', message: 'stopped early' });
    expect(await readLines(runner, toStepRef(spec))).toEqual([]);
  });

  it('kills a step past its activeDeadlineSeconds', async () => {
    runner = await newRunner({ sandbox, terminationGracePeriodMs: 200 });
    const observation = await runToEnd(runner, shellSpec('deadline', 'sleep 30', { activeDeadlineSeconds: 0.3 }));
    expect(observation).toMatchObject({ phase: 'Failed', message: deadlineMessage });
  });

  it('follows logs until the step ends, and filters them with tailLines and grep', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('logs', 'for i in 1 2 3 4 5; do echo "line $i"; sleep 0.05; done; echo done');
    await runner.start(spec);
    const followed = await readLines(runner, toStepRef(spec), { follow: true });
    expect(followed).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'done']);
    expect(await readLines(runner, toStepRef(spec), { tailLines: 2 })).toEqual(['line 5', 'done']);
    expect(await readLines(runner, toStepRef(spec), { grep: 'line [24]' })).toEqual(['line 2', 'line 4']);
    expect(await readLines(runner, toStepRef(spec), { container: 'wait' })).toEqual([]);
  });

  it('stops following when the caller aborts', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('forever', 'echo tick; sleep 30');
    await runner.start(spec);
    const controller = new AbortController();
    const lines: string[] = [];
    for await (const { line } of runner.logs(toStepRef(spec), { follow: true }, controller.signal)) {
      lines.push(line);
      controller.abort();
    }
    expect(lines).toEqual(['tick']);
  });

  it('throws for the logs of an unknown step', async () => {
    runner = await newRunner({ sandbox });
    await expect(readLines(runner, { workflowUid: 'nope', id: 'nope' })).rejects.toThrow('not found');
  });

  it('finds steps that finished before a restart, with their outputs and logs', async () => {
    const dataDir = newDataDir();
    const first = await createLocalRunner({ dataDir, sandbox });
    const spec = shellSpec('before', 'echo persisted', { includeScriptOutput: true });
    const before = await runToEnd(first, spec);
    await first.close();
    runner = await createLocalRunner({ dataDir, sandbox });
    expect(runner.observe(toStepRef(spec))).toEqual(before);
    expect(before.outputs?.result).toBe('persisted');
    expect(await readLines(runner, toStepRef(spec))).toEqual(['persisted']);
    await runner.start(spec);
    expect(runner.observe(toStepRef(spec))).toEqual(before);
  });

  it('marks steps that were running when Capstan died as Errors, and kills survivors', async () => {
    const dataDir = newDataDir();
    const paths = toStepPaths(dataDir, workflow.uid, 'orphan');
    await mkdir(paths.dir, { recursive: true });
    // Stands in for the process a crashed Capstan left behind.
    const survivor = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => survivor.once('exit', (_code, signal) => resolve(signal)));
    const pid = survivor.pid as number;
    await writeStepRecord(paths.status, {
      version: 1, id: 'orphan', workflow, templateName: 'main', sandboxed: false, pid, pidStartTime: await readStartTime(pid),
      observation: { workflowUid: workflow.uid, id: 'orphan', phase: 'Running', startedAt: new Date().toISOString() },
    });
    runner = await createLocalRunner({ dataDir, sandbox });
    expect(runner.observe({ workflowUid: workflow.uid, id: 'orphan' })).toMatchObject({ phase: 'Error', message: lostMessage });
    expect(await exited).toBe('SIGKILL');
    expect((await readStepRecord(paths.status))?.observation.phase).toBe('Error');
  });

  it('ends running steps as Errors on close, and persists that', async () => {
    const dataDir = newDataDir();
    const closing = await createLocalRunner({ dataDir, sandbox, terminationGracePeriodMs: 200 });
    const spec = shellSpec('closing', 'sleep 30');
    await closing.start(spec);
    await waitFor(closing, toStepRef(spec), (o) => o.phase === 'Running');
    await closing.close();
    await expect(closing.start(shellSpec('late', 'true'))).rejects.toThrow('closed');
    runner = await createLocalRunner({ dataDir, sandbox });
    expect(runner.observe(toStepRef(spec))).toMatchObject({ phase: 'Error', message: lostMessage });
  });

  it('removes a step and its files', async () => {
    const dataDir = newDataDir();
    runner = await createLocalRunner({ dataDir, sandbox, terminationGracePeriodMs: 200 });
    const spec = shellSpec('gone', 'sleep 30');
    await runner.start(spec);
    expect(existsSync(toStepPaths(dataDir, workflow.uid, 'gone').dir)).toBe(true);
    await runner.remove(toStepRef(spec));
    expect(runner.observe(toStepRef(spec))).toBeUndefined();
    expect(existsSync(toStepPaths(dataDir, workflow.uid, 'gone').dir)).toBe(false);
  });
});

describe.skipIf(!bwrapWorks)('LocalRunner sandbox isolation', () => {
  let runner: LocalRunner;
  afterEach(async () => runner?.close());

  it('gives parallel steps their own /tmp and keeps the host read-only', async () => {
    runner = await newRunner({ sandbox: 'bwrap' });
    const script = (n: number) => `echo ${n} > /tmp/x.txt; sleep 0.2; cat /tmp/x.txt; ls /tmp; touch /usr/capstan-test 2>/dev/null || echo read-only`;
    const specs = [1, 2, 3].map((n) => shellSpec(`parallel-${n}`, script(n), { outputs: { parameters: [{ name: 'x', valueFrom: { path: '/tmp/x.txt' } }] } }));
    const observations = await Promise.all(specs.map((spec) => runToEnd(runner, spec)));
    expect(observations.map((o) => o.outputs?.parameters?.[0]?.value)).toEqual(['1', '2', '3']);
    for (const [i, spec] of specs.entries()) {
      expect(await readLines(runner, toStepRef(spec))).toEqual([String(i + 1), 'x.txt', 'read-only']);
    }
    expect(existsSync('/usr/capstan-test')).toBe(false);
  });

  it('hides the host beyond its userland, and its network only when asked', async () => {
    const interfaces = 'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | sort | tr "\\n" " "';
    runner = await newRunner({ sandbox: 'bwrap', network: false });
    const spec = buildSpec('hidden', { container: { command: ['sh', '-c', `ls /root 2>&1; hostname; ${interfaces}`] }, podName: 'hello-pod' });
    expect(await runToEnd(runner, spec)).toMatchObject({ phase: 'Succeeded' });
    expect(await readLines(runner, toStepRef(spec))).toEqual([expect.stringMatching(/No such file or directory/), 'hello-pod', 'lo ']);
  });

  it('reports a sandbox that cannot be set up, and never writes to the host\'s read-only paths', async () => {
    runner = await newRunner({ sandbox: 'bwrap' });
    const badDir = await runToEnd(runner, buildSpec('bad-dir', { container: { command: ['true'], workingDir: '/usr/capstan-missing' } }));
    expect(badDir).toMatchObject({ phase: 'Error', message: "the sandbox did not start: bwrap: Can't chdir to /usr/capstan-missing: No such file or directory" });
    const badInput = await runToEnd(runner, buildSpec('bad-input', { container: { command: ['true'] }, inputFiles: [{ path: '/etc/capstan-x', content: 'x' }] }));
    expect(badInput).toMatchObject({ phase: 'Error', message: 'could not prepare the step: cannot write /etc/capstan-x: it is on a read-only host path' });
    expect(existsSync('/etc/capstan-x')).toBe(false);
  });
});
