import { expandVars } from './expand-vars';
import type { StepSpec } from './step-runner';

/** Where Argo's executor stages a script template's source, and so where the step finds it. */
export const scriptPath = '/argo/staging/script';

/** A container's PATH when its image sets none (what Docker and containerd default to). */
export const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Argo's "no deadline": Go's zero time. */
const zeroTime = '0001-01-01T00:00:00Z';

export interface StepEnvContext {
  home: string;
  tmpDir?: string;
  startedAt: Date;
  includeScriptOutput: boolean;
}

/** Whether stdout becomes `outputs.result`: Argo captures it when referenced; scripts by default here. */
export function capturesResult(spec: StepSpec): boolean {
  return spec.includeScriptOutput ?? spec.script !== undefined;
}

/**
 * The step's environment: a base PATH and HOME, then the template's env (each value may refer to the
 * ones before it), then the variables Argo gives its main container, which win as they do in a pod.
 */
export function toStepEnv(spec: StepSpec, context: StepEnvContext): Record<string, string> {
  const env: Record<string, string> = { PATH: defaultPath, HOME: context.home };
  if (context.tmpDir) env.TMPDIR = context.tmpDir;
  for (const variable of spec.container.env ?? []) {
    env[variable.name] = expandVars(variable.value ?? '', (name) => env[name]);
  }
  Object.assign(env, {
    ARGO_CONTAINER_NAME: 'main',
    ARGO_NODE_ID: spec.id,
    ARGO_INCLUDE_SCRIPT_OUTPUT: String(context.includeScriptOutput),
    ARGO_DEADLINE: toDeadline(spec, context.startedAt),
    ARGO_WORKFLOW_NAME: spec.workflow.name,
  });
  return env;
}

/** The earlier of the workflow's deadline and the template's own, as Argo's getDeadline picks. */
function toDeadline(spec: StepSpec, startedAt: Date): string {
  const candidates = [spec.deadline ? Date.parse(spec.deadline) : NaN];
  if (spec.activeDeadlineSeconds !== undefined) candidates.push(startedAt.getTime() + spec.activeDeadlineSeconds * 1000);
  const earliest = Math.min(...candidates.filter((t) => !Number.isNaN(t)));
  return Number.isFinite(earliest) ? new Date(earliest).toISOString().replace(/\.\d{3}Z$/, 'Z') : zeroTime;
}

/**
 * command + args, with the script's path appended for script templates. There is no image to supply
 * an ENTRYPOINT, so args alone run as the command (as with an image that has none) and a script with
 * no command runs under `sh`. Undefined when there is nothing to run.
 */
export function toArgv(spec: StepSpec, env: Record<string, string>, stagedScriptPath = scriptPath): string[] | undefined {
  const hasScript = Boolean(spec.script?.source);
  const command = spec.container.command ?? (hasScript ? ['sh'] : []);
  const expanded = [...command, ...(spec.container.args ?? [])].map((part) => expandVars(part, (name) => env[name]));
  // As in Argo, an empty source stages nothing and appends nothing.
  const argv = hasScript ? [...expanded, stagedScriptPath] : expanded;
  return argv.length > 0 ? argv : undefined;
}
