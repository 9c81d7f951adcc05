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

// Per parent template, the step or task names whose `outputs.result` it references: found once, because a DAG
// of thousands of tasks asks once per task, and searching the whole template each time made reconciles quadratic.
const referencedResults = new WeakMap<Template, Set<string>>();

function resultReferences(parent: Template): Set<string> {
  const known = referencedResults.get(parent);
  if (known) return known;
  const prefix = parent.dag ? 'tasks' : parent.steps ? 'steps' : '';
  const json = JSON.stringify(parent);
  const names = new Set<string>();
  const patterns = [
    new RegExp(`${prefix}\\.([^.\\[\\]"'\\\\\\s]+)\\.outputs\\.result`, 'g'),
    new RegExp(`${prefix}\\[['"]([^'"\\\\]+)['"]\\]\\.outputs.result`, 'g'),
    // In JSON the quotes of `steps["x"]` are escaped.
    new RegExp(`${prefix}\\[\\\\"(.+?)\\\\"\\]\\.outputs.result`, 'g'),
  ];
  for (const pattern of patterns) for (const match of json.matchAll(pattern)) names.add(match[1]!);
  referencedResults.set(parent, names);
  return names;
}

/**
 * Whether the steps or DAG template around a step references its `outputs.result`, as Argo's hasOutputResultRef:
 * only then does a pod keep its stdout as the result (ARGO_INCLUDE_SCRIPT_OUTPUT).
 */
export function isResultReferenced(nodeName: string, parent: Template | undefined): boolean {
  return parent ? resultReferences(parent).has(toStepOrTaskName(nodeName)) : false;
}
