import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toBwrapArgs, toHostView, toSandboxView, type PathView } from './bwrap-args';
import type { Sandbox } from './sandbox';
import { capturesResult, scriptPath, toArgv, toStepEnv } from './step-command';
import type { StepPaths } from './step-paths';
import type { Launch } from './step-process';
import type { StepSpec } from './step-runner';
import { loadInputArtifact, type PodArtifactContext } from '../artifacts/transfer';
import type { ConfigSource } from '../artifacts/config-source';

/** How a runner reaches artifact repositories: Secrets for credentials, and the local repository's folder. */
export interface StepArtifactSettings {
  secrets: ConfigSource;
  /** Embedded mode's default repository, `<data dir>/artifacts`. */
  localRoot: string;
}

/** The artifact context of one step: its workflow's namespace, archive location and default key prefix. */
export function toArtifactContext(spec: StepSpec, settings: StepArtifactSettings): PodArtifactContext {
  return {
    namespace: spec.workflow.namespace,
    secrets: settings.secrets,
    localRoot: settings.localRoot,
    ...(spec.archiveLocation ? { archiveLocation: spec.archiveLocation } : {}),
    defaultKeyPrefix: `${spec.workflow.name}/${spec.podName ?? spec.id}`,
  };
}

export interface PreparedStep {
  view: PathView;
  launch: Launch;
  env: Record<string, string>;
  /** Undefined when the template gives nothing to run. */
  argv: string[] | undefined;
}

/**
 * Lays out a step's private root before it runs: a fresh `/tmp`, its working directory, the staged
 * script and its input files. Sandboxed, these are the paths the step sees; unsandboxed, the script
 * and working directory stay in the root but input files go to their real host paths, shared by all.
 */
export async function prepareStep(
  spec: StepSpec,
  paths: StepPaths,
  sandbox: Sandbox,
  network: boolean,
  now: Date,
  artifacts?: StepArtifactSettings,
): Promise<PreparedStep> {
  await rm(paths.root, { recursive: true, force: true });
  const tmp = join(paths.root, 'tmp');
  await mkdir(tmp, { recursive: true });
  await chmod(tmp, 0o1777);
  const cwd = spec.container.workingDir || '/';
  const layout = { rootDir: paths.root, hostPaths: sandbox.kind === 'bwrap' ? sandbox.hostPaths : [], cwd, hostname: spec.podName ?? spec.id, network };
  const view = sandbox.kind === 'bwrap' ? toSandboxView(layout) : toHostView(join(paths.root, cwd));
  // Sandboxed, anything outside the root is the host's read-only userland: never write there.
  const isPrivate = (hostPath: string) => sandbox.kind === 'none' || hostPath.startsWith(`${paths.root}/`);
  const privatePath = (stepPath: string) => {
    const hostPath = view.toHost(stepPath);
    if (!isPrivate(hostPath)) throw new Error(`cannot write ${stepPath}: it is on a read-only host path`);
    return hostPath;
  };
  if (isPrivate(view.toHost('.'))) await mkdir(view.toHost('.'), { recursive: true });
  const stagedScript = join(paths.root, scriptPath);
  if (spec.script?.source) {
    await mkdir(dirname(stagedScript), { recursive: true });
    await writeFile(stagedScript, spec.script.source, { mode: 0o755 });
  }
  for (const file of spec.inputFiles ?? []) {
    const target = privatePath(file.path);
    await mkdir(dirname(target), { recursive: true });
    if ('sourcePath' in file) await cp(file.sourcePath, target, { recursive: true, force: true });
    else await writeFile(target, file.content);
    if (file.mode !== undefined) await chmod(target, file.mode);
  }
  for (const artifact of spec.inputArtifacts ?? []) {
    if (!artifact.path) continue;
    if (!artifacts) throw new Error(`input artifact ${artifact.name}: this runner has no artifact repository`);
    await loadInputArtifact(artifact, privatePath(artifact.path), toArtifactContext(spec, artifacts));
  }
  const env = toStepEnv(spec, {
    home: sandbox.kind === 'bwrap' ? '/tmp' : tmp,
    tmpDir: sandbox.kind === 'bwrap' ? undefined : tmp,
    startedAt: now,
    includeScriptOutput: capturesResult(spec),
  });
  const launch: Launch = sandbox.kind === 'bwrap'
    ? { kind: 'bwrap', bwrapPath: sandbox.bwrapPath, bwrapArgs: toBwrapArgs(layout) }
    : { kind: 'none', cwd: view.cwd };
  return { view, launch, env, argv: toArgv(spec, env, sandbox.kind === 'bwrap' ? scriptPath : stagedScript) };
}
