import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LocalRunner } from './local-runner';
import { buildSpec, newDataDir, newRunner, readLines, runToEnd, shellSpec, removeDataDirs } from './runner-fixtures';
import { detectSandbox, type SandboxMode } from './sandbox';
import { toStepRef } from './step-runner';

const bwrapWorks = (await detectSandbox('auto')).kind === 'bwrap';
const modes: SandboxMode[] = bwrapWorks ? ['bwrap', 'none'] : ['none'];
afterAll(removeDataDirs);

describe.each(modes)('LocalRunner (sandbox: %s)', (sandbox) => {
  let runner: LocalRunner;
  afterEach(async () => runner?.close());
  // Unsandboxed steps share the host's /tmp, so each test needs paths of its own there.
  const privateTmp = () => (sandbox === 'bwrap' ? '/tmp' : newDataDir());

  it('runs a command to success and keeps its output as timestamped lines', async () => {
    runner = await newRunner({ sandbox });
    expect(runner.sandboxed).toBe(sandbox === 'bwrap');
    const spec = shellSpec('echo', 'echo hello; echo oops >&2');
    const observation = await runToEnd(runner, spec);
    expect(observation).toMatchObject({ phase: 'Succeeded', exitCode: 0, outputs: { exitCode: '0' } });
    expect(observation.message).toBeUndefined();
    expect(Date.parse(observation.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(observation.startedAt ?? ''));
    const lines = [];
    for await (const line of runner.logs(toStepRef(spec), {})) lines.push(line);
    expect(lines.map((l) => l.line).sort()).toEqual(['hello', 'oops']);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("fails a non-zero exit with Argo's message", async () => {
    runner = await newRunner({ sandbox });
    const observation = await runToEnd(runner, shellSpec('exit3', 'exit 3'));
    expect(observation).toMatchObject({ phase: 'Failed', exitCode: 3, message: 'main: Error (exit code 3)', outputs: { exitCode: '3' } });
  });

  it('runs a sh script template and returns its stdout as the result', async () => {
    runner = await newRunner({ sandbox });
    const spec = buildSpec('script', { script: { source: 'echo "node $ARGO_NODE_ID"\necho "script $0"\n' } });
    const observation = await runToEnd(runner, spec);
    const scriptPath = sandbox === 'bwrap' ? '/argo/staging/script' : expect.stringContaining('/fs/argo/staging/script');
    expect(observation.phase).toBe('Succeeded');
    expect(observation.outputs?.result?.split('\n')).toEqual(['node script', expect.stringMatching(/^script /)]);
    expect(observation.outputs?.result?.split('\n')[1]?.slice('script '.length)).toEqual(scriptPath);
  });

  it('runs a python3 script template', async () => {
    runner = await newRunner({ sandbox });
    const source = 'import math\nprint(round(math.pi, 2))\n';
    const observation = await runToEnd(runner, buildSpec('python', { container: { command: ['python3'] }, script: { source } }));
    expect(observation).toMatchObject({ phase: 'Succeeded', outputs: { result: '3.14' } });
  });

  it('reads output parameters from absolute paths, with defaults for missing files', async () => {
    runner = await newRunner({ sandbox });
    const dir = privateTmp();
    const out = sandbox === 'bwrap' ? '/mnt/out' : `${dir}/out`;
    const spec = shellSpec('params', `mkdir -p ${dir} ${out} && echo hello world > ${dir}/hello_world.txt && echo out > ${out}/a`, {
      outputs: {
        parameters: [
          { name: 'hello', valueFrom: { path: `${dir}/hello_world.txt` } },
          { name: 'fallback', valueFrom: { path: `${dir}/missing.txt`, default: 'dflt' } },
        ],
        artifacts: [{ name: 'a', path: `${out}/a` }, { name: 'b', path: `${out}/b`, optional: true }],
      },
    });
    const observation = await runToEnd(runner, spec);
    expect(observation.phase).toBe('Succeeded');
    expect(observation.outputs?.parameters).toEqual([{ name: 'hello', value: 'hello world' }, { name: 'fallback', value: 'dflt' }]);
    const [artifact] = observation.outputs?.artifacts ?? [];
    expect(artifact?.name).toBe('a');
    expect(await readFile(artifact?.localPath ?? '', 'utf8')).toBe('out\n');
    expect(artifact?.localPath).toContain('/steps/uid-1/params/fs/');
  });

  it('is an Error when a required output is missing after success', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('missing-output', 'true', { outputs: { parameters: [{ name: 'x', valueFrom: { path: '/nonexistent/x.txt' } }] } });
    const observation = await runToEnd(runner, spec);
    expect(observation).toMatchObject({ phase: 'Error', message: 'failed to save outputs: open /nonexistent/x.txt: no such file or directory' });
  });

  it('materialises input files, working directory and environment before running', async () => {
    runner = await newRunner({ sandbox });
    const dir = privateTmp();
    const spec = buildSpec('inputs', {
      container: {
        command: ['sh', '-c', 'pwd; cat $(INPUT); echo "$GREETING"'],
        workingDir: '/src',
        env: [{ name: 'INPUT', value: `${dir}/message` }, { name: 'GREETING', value: 'hi $(INPUT)' }],
      },
      inputFiles: [{ path: `${dir}/message`, content: 'from input\n' }],
    });
    expect(await runToEnd(runner, spec)).toMatchObject({ phase: 'Succeeded' });
    const [cwd, ...rest] = await readLines(runner, toStepRef(spec));
    expect(cwd).toEqual(sandbox === 'bwrap' ? '/src' : expect.stringMatching(/\/fs\/src$/));
    expect(rest).toEqual(['from input', `hi ${dir}/message`]);
  });

  it('fails clearly when the command does not exist, as Argo\'s emissary does', async () => {
    runner = await newRunner({ sandbox });
    const spec = buildSpec('nope', { container: { command: ['no-such-command', 'x'] } });
    const observation = await runToEnd(runner, spec);
    const reason = 'failed to find name in PATH: exec: "no-such-command": executable file not found in $PATH';
    expect(observation).toMatchObject({ phase: 'Failed', exitCode: 64, message: `main: Error (exit code 64): ${reason}` });
    expect(await readLines(runner, toStepRef(spec))).toEqual([reason]);
  });

  it('is an Error when there is nothing to run', async () => {
    runner = await newRunner({ sandbox });
    const observation = await runToEnd(runner, buildSpec('empty'));
    expect(observation).toMatchObject({ phase: 'Error', message: expect.stringContaining('nothing to run') });
  });

  it('treats start as idempotent per step', async () => {
    runner = await newRunner({ sandbox });
    const spec = shellSpec('once', 'echo ran');
    await Promise.all([runner.start(spec), runner.start(spec)]);
    await runToEnd(runner, spec);
    expect(await readLines(runner, toStepRef(spec))).toEqual(['ran']);
  });

  it('keeps steps of different workflows with the same node id apart', async () => {
    runner = await newRunner({ sandbox });
    const first = shellSpec('same', 'echo first');
    const second = shellSpec('same', 'echo second', { workflow: { namespace: 'other', name: 'hello', uid: 'uid-2' } });
    await Promise.all([runToEnd(runner, first), runToEnd(runner, second)]);
    expect(await readLines(runner, toStepRef(first))).toEqual(['first']);
    expect(await readLines(runner, toStepRef(second))).toEqual(['second']);
  });
});
