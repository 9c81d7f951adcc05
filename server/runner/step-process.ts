import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { readChildren, signalGroup } from './process-identity';
import type { StepLog } from './step-log';

export type Launch =
  | { kind: 'bwrap'; bwrapPath: string; bwrapArgs: string[] }
  | { kind: 'none'; cwd: string };

export interface StepProcessExit {
  exitCode?: number;
  /** Set when the command never ran: the step is an Error, not a Failed command. */
  error?: string;
  /** Set by a pod of several containers: why it failed, naming the container (the exit code is main's). */
  failure?: { phase: 'Failed' | 'Error'; message: string };
}

export interface StepProcess {
  /** The process group leader (bwrap itself when sandboxed). */
  readonly pid: number | undefined;
  readonly exited: Promise<StepProcessExit>;
  /** SIGTERM to the step's command, SIGKILL to everything it started after `graceMs`. */
  terminate(graceMs: number): void;
}

/**
 * Starts a step's command in its own process group and pipes its output into the log. `onRunning`
 * fires once the command itself has started (for bwrap, once the sandbox reports its child).
 */
export function launchStepProcess(launch: Launch, argv: string[], env: Record<string, string>, log: StepLog, onRunning: () => void): StepProcess {
  const sandboxed = launch.kind === 'bwrap';
  const [file, args] = sandboxed ? [launch.bwrapPath, [...launch.bwrapArgs, ...argv]] : [argv[0] ?? '', argv.slice(1)];
  const child: ChildProcess = spawn(file, args, {
    // Next's types make NODE_ENV mandatory in ProcessEnv; a step's environment rightly lacks it.
    env: env as NodeJS.ProcessEnv,
    cwd: sandboxed ? undefined : launch.cwd,
    // fd 3 carries bwrap's JSON status: when the command started, and how it exited.
    stdio: ['ignore', 'pipe', 'pipe', sandboxed ? 'pipe' : 'ignore'],
    // A group of its own lets one signal reach everything the step started.
    detached: true,
  });
  let reaperPid: number | undefined;
  let reportedExit: number | undefined;
  // bwrap reports its child before setting the sandbox up in it; setup errors then exit 1 with a
  // `bwrap: ` line on stderr before the command could print anything.
  let firstStderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  let finished = false;

  child.stdout?.on('data', (chunk: Buffer) => log.write('stdout', chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    if (sandboxed && firstStderr.length < 1024) firstStderr += chunk.toString('utf8');
    log.write('stderr', chunk);
  });
  if (sandboxed) {
    let status = '';
    (child.stdio[3] as Readable | null)?.on('data', (chunk: Buffer) => {
      status += chunk.toString('utf8');
      const started = /"child-pid":\s*(\d+)/.exec(status);
      if (started && reaperPid === undefined) {
        reaperPid = Number(started[1]);
        onRunning();
      }
      const ended = /"exit-code":\s*(\d+)/.exec(status);
      if (ended) reportedExit = Number(ended[1]);
    });
  } else {
    child.once('spawn', onRunning);
  }

  const exited = new Promise<StepProcessExit>((resolve) => {
    const finish = (exit: StepProcessExit) => {
      finished = true;
      clearTimeout(killTimer);
      resolve(exit);
    };
    child.once('error', (error) => finish({ error: `failed to start ${JSON.stringify(file)}: ${error.message}` }));
    // A container's processes all end with its main one; unsandboxed, the group has to be reaped.
    child.once('exit', () => {
      if (!sandboxed && child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      const exitCode = reportedExit ?? code ?? 128 + (signal ? constants.signals[signal] : 0);
      const setupFailed = reaperPid === undefined || (exitCode === 1 && firstStderr.startsWith('bwrap: '));
      if (sandboxed && setupFailed) {
        const reason = firstStderr.split('\n')[0]?.trim() || `bwrap exited with ${code ?? signal}`;
        finish({ error: `the sandbox did not start: ${reason}` });
        return;
      }
      finish({ exitCode });
    });
  });

  const terminate = (graceMs: number) => {
    if (finished || killTimer !== undefined || child.pid === undefined) return;
    const leader = child.pid;
    killTimer = setTimeout(() => signalGroup(leader, 'SIGKILL'), graceMs);
    // Like the kubelet, SIGTERM goes to the command alone. Under bwrap that is the child of its
    // pid-1 reaper: signalling bwrap would kill the sandbox at once, with no grace.
    void (sandboxed && reaperPid !== undefined ? readChildren(reaperPid).then((pids) => pids[0]) : Promise.resolve(sandboxed ? undefined : leader)).then((target) => {
      if (target === undefined) return signalGroup(leader, 'SIGKILL');
      try {
        process.kill(target, 'SIGTERM');
      } catch {
        // already gone
      }
    });
  };

  return { pid: child.pid, exited, terminate };
}
