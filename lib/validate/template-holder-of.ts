import type { DAGTask, LifecycleHook, WorkflowStep } from '@/lib/generated/argo';
import type { TemplateHolder } from './resolve-template';
import { toFieldPath } from './json-path';

// A class, not a literal with a closure: a DAG of thousands of tasks makes one per task.
class ItemHolder implements TemplateHolder {
  readonly template: string | undefined;
  readonly templateRef: WorkflowStep['templateRef'];
  readonly inline: WorkflowStep['inline'];

  constructor(
    item: WorkflowStep | DAGTask,
    readonly path: string,
  ) {
    this.template = item.template;
    this.templateRef = item.templateRef;
    this.inline = item.inline;
  }

  fieldPath(field: string): string {
    return `${this.path}.${field}`;
  }
}

/** A step or DAG task at `path`, as a holder whose field problems are reported on its own fields. */
export function toTemplateHolder(item: WorkflowStep | DAGTask, path: string): TemplateHolder {
  return new ItemHolder(item, path);
}

/** Whether a step or task has an exit handler (`onExit` or an `exit` hook). */
export function hasExitHook(item: WorkflowStep | DAGTask): boolean {
  return !!item.onExit || (item.hooks !== undefined && item.hooks.exit !== undefined);
}

/** Argo's validateHooks: every hook but `exit` needs an expression. Returns the path and message of the first that lacks one. */
export function checkHooks(hooks: Record<string, LifecycleHook> | undefined, path: string): { path: string; message: string } | undefined {
  for (const [name, hook] of Object.entries(hooks ?? {})) {
    if (name !== 'exit' && !hook.expression) return { path: `${toFieldPath(path, name)}.expression`, message: `hook '${name}' needs an expression` };
  }
  return undefined;
}
