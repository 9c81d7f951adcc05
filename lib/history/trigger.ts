import type { KubeObject } from '../k8s/object';
import { triggerAnnotation } from './job-ref';

export type TriggerType = 'user' | 'cron' | 'cli' | 'event' | 'retry' | 'resubmit' | 'kubectl' | 'unknown';

/** Who or what started a build. */
export interface Trigger {
  type: TriggerType;
  user?: string;
  /** For `retry` and `resubmit`: the build it repeats. */
  retryOf?: number;
  /** For `cron`: the schedule time that started it. */
  scheduledTime?: string;
}

const creatorLabels = ['workflows.argoproj.io/creator-preferred-username', 'workflows.argoproj.io/creator-email', 'workflows.argoproj.io/creator'];
const types: readonly string[] = ['user', 'cron', 'cli', 'event', 'retry', 'resubmit', 'kubectl', 'unknown'];

/** What Capstan's API knows about a request that creates a workflow. */
export interface ApiCaller {
  /** `user` for the dashboard (a browser), `cli` for the argo CLI and other programs. */
  via: 'user' | 'cli';
  user?: string;
}

/** The trigger a workflow records in its annotation, when it is well formed. */
export function readTrigger(workflow: KubeObject): Trigger | undefined {
  const text = workflow.metadata.annotations?.[triggerAnnotation];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Trigger;
    return parsed && typeof parsed === 'object' && types.includes(parsed.type) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What the numbering knows about where a workflow came from, besides the workflow itself. */
export interface TriggerContext {
  /** Set when Capstan's API created the workflow. */
  caller?: ApiCaller;
  /** The build this workflow is a copy of (it carries that build's number label but another uid): a retry or resubmit. */
  copyOf?: number;
  /** The build number of the workflow named by `resubmitted-from-workflow`. */
  resubmittedFrom?: number;
}

/**
 * Decides the trigger of a workflow seen for the first time: the trigger it records (unless it is a copy of
 * another build, whose annotation it inherited), else from the caller and the workflow's labels (Argo's cron,
 * event-binding and resubmit labels, and the creator labels argo-server sets).
 */
export function decideTrigger(workflow: KubeObject, context: TriggerContext = {}): Trigger {
  const { caller, copyOf, resubmittedFrom } = context;
  const recorded = copyOf === undefined ? readTrigger(workflow) : undefined;
  if (recorded) return recorded;
  const labels = workflow.metadata.labels ?? {};
  const annotations = workflow.metadata.annotations ?? {};
  const creator = creatorLabels.map((key) => labels[key]).find(Boolean);
  const user = caller?.user ?? creator;
  const withUser = (trigger: Trigger): Trigger => (user ? { ...trigger, user } : trigger);
  if (labels['workflows.argoproj.io/resubmitted-from-workflow']) {
    const of = resubmittedFrom ?? copyOf;
    return withUser({ type: 'resubmit', ...(of !== undefined ? { retryOf: of } : {}) });
  }
  if (copyOf !== undefined) return withUser({ type: 'retry', retryOf: copyOf });
  const scheduled = annotations['workflows.argoproj.io/scheduled-time'];
  if (labels['workflows.argoproj.io/cron-workflow'] && scheduled && !caller) return { type: 'cron', scheduledTime: scheduled };
  if (labels['workflows.argoproj.io/workflow-event-binding']) return withUser({ type: 'event' });
  if (caller) return withUser({ type: caller.via });
  return withUser({ type: creator ? 'cli' : 'kubectl' });
}
