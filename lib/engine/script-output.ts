import type { Template } from '../generated/argo';

/** The step or task name in a node name: `wf[0].fanout(0:1)(0)` → `fanout`, as Argo's getStepOrDAGTaskName. */
export function toStepOrTaskName(nodeName: string): string {
  let name = nodeName;
  let opener = '';
  for (let i = name.length - 1; i >= 0; i--) {
    const ch = name[i];
    if (ch === opener) opener = '';
    else if (opener !== '') continue;
    else if (ch === ')') opener = '(';
    else if (ch === ']') opener = '[';
    else {
      name = name.slice(0, i + 1);
      break;
    }
  }
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1) : name;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the steps or DAG template around a step references its `outputs.result`, as Argo's hasOutputResultRef:
 * only then does a pod keep its stdout as the result (ARGO_INCLUDE_SCRIPT_OUTPUT).
 */
export function isResultReferenced(nodeName: string, parent: Template | undefined): boolean {
  if (!parent) return false;
  const name = escape(toStepOrTaskName(nodeName));
  const prefix = parent.dag ? 'tasks' : parent.steps ? 'steps' : '';
  const json = JSON.stringify(parent);
  return new RegExp(`${prefix}\\.${name}\\.outputs\\.result`).test(json) || new RegExp(`${prefix}\\[['"]${name}['"]\\]\\.outputs.result`).test(json)
    // In JSON the quotes of `steps["x"]` are escaped.
    || new RegExp(`${prefix}\\[\\\\"${name}\\\\"\\]\\.outputs.result`).test(json);
}
