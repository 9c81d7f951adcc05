import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LocalRunner } from './local-runner';
import { buildSpec, newDataDir, newRunner, readLines, removeDataDirs, runToEnd } from './runner-fixtures';
import { detectSandbox, type SandboxMode } from './sandbox';
import { toStepRef, type StepPodContainer } from './step-runner';

const bwrapWorks = (await detectSandbox('auto')).kind === 'bwrap';
const modes: SandboxMode[] = bwrapWorks ? ['bwrap', 'none'] : ['none'];
afterAll(removeDataDirs);

const sh = (name: string, script: string, dependencies?: string[], role: 'set' | 'sidecar' = 'set'): StepPodContainer => ({
  name, role, container: { image: 'busybox', command: ['sh', '-c', script] }, ...(dependencies ? { dependencies } : {}),
});

describe.each(modes)('LocalRunner pods of several containers (sandbox: %s)', (sandbox) => {
  let runner: LocalRunner;
  afterEach(async () => runner?.close());
  // Unsandboxed steps share the host's /tmp, so each test needs a folder of its own there.
  const shared = () => (sandbox === 'bwrap' ? '/tmp' : newDataDir());

  it('runs a containerSet in dependency order in one shared sandbox; only main gives the result', async () => {
    runner = await newRunner({ sandbox });
    const dir = shared();
    const spec = buildSpec('set', {
      includeScriptOutput: true,
      containers: [
        sh('a', `echo a >> ${dir}/order; echo from-a`),
        sh('b', `sleep 0.2; echo b >> ${dir}/order`, ['a']),
        sh('c', `echo c >> ${dir}/order`, ['a']),
        sh('main', `echo "$ARGO_CONTAINER_NAME saw $(tr '\\n' ' ' < ${dir}/order)"`, ['b', 'c']),
      ],
    });
    const observation = await runToEnd(runner, spec);
    expect(observation).toMatchObject({ phase: 'Succeeded', exitCode: 0 });
    expect(observation.outputs?.result).toBe('main saw a c b ');
    expect(observation.containers).toEqual(['a', 'b', 'c', 'main'].map((name) => ({ name, state: 'terminated', exitCode: 0, reason: 'Completed' })));
    expect((await readLines(runner, toStepRef(spec))).sort()).toEqual(['from-a', 'main saw a c b ']);
  });

  it("fails the pod with the failed container's message, and ends its dependants with emissary's error", async () => {
    runner = await newRunner({ sandbox });
    const observation = await runToEnd(runner, buildSpec('fail', { containers: [sh('a', 'exit 3'), sh('b', 'echo never', ['a'])] }));
    expect(observation).toMatchObject({ phase: 'Failed', message: 'a: Error (exit code 3)' });
    expect(observation.containers).toEqual([
      { name: 'a', state: 'terminated', exitCode: 3, reason: 'Error' },
      { name: 'b', state: 'terminated', exitCode: 64, reason: 'Error', message: 'dependency "a" exited with non-zero code: 3' },
    ]);
  });

  it('retries a failing container as the containerSet retryStrategy says', async () => {
    runner = await newRunner({ sandbox });
    const dir = shared();
    const script = `echo x >> ${dir}/tries; [ $(wc -l < ${dir}/tries) -ge 3 ]`;
    const observation = await runToEnd(runner, buildSpec('retry', { containers: [sh('main', script)], containerRetry: { retries: 2, delayMs: 10 } }));
    expect(observation).toMatchObject({ phase: 'Succeeded', exitCode: 0 });
  });

  it('starts sidecars before main, stops them when main ends, and ignores how they were stopped', async () => {
    runner = await newRunner({ sandbox });
    const dir = shared();
    const spec = buildSpec('sidecar', {
      container: { image: 'busybox', command: ['sh', '-c', `for i in 1 2 3 4 5 6 7 8 9 10; do [ -e ${dir}/ready ] && break; sleep 0.2; done; cat ${dir}/ready`] },
      containers: [sh('web', `echo up > ${dir}/ready; exec sleep 60`, undefined, 'sidecar')],
    });
    const started = Date.now();
    const observation = await runToEnd(runner, spec);
    expect(observation).toMatchObject({ phase: 'Succeeded', exitCode: 0 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await readLines(runner, toStepRef(spec))).toContain('up');
  });

  it('fails the pod when a sidecar fails on its own', async () => {
    runner = await newRunner({ sandbox });
    const spec = buildSpec('sidecar-fails', {
      container: { image: 'busybox', command: ['sh', '-c', 'sleep 0.5'] },
      containers: [sh('web', 'exit 5', undefined, 'sidecar')],
    });
    expect(await runToEnd(runner, spec)).toMatchObject({ phase: 'Failed', message: 'web: Error (exit code 5)' });
  });
});
