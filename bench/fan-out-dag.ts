/**
 * The large DAG both engine benchmarks use: one root task, `width` tasks after it, and optionally a fan-in into
 * one sink. Argo's expression engine caps an expression at 10,000 nodes and each task of a `depends` costs
 * 12 (`(t.Succeeded || t.Skipped || t.Daemoned) &&`), so a `depends` on more than about 830 tasks ends in Error, in
 * Argo as here: a wide fan-in goes through join tasks of at most `joinWidth` (500) dependencies each, and the sink
 * depends on the joins.
 */
import type { Workflow } from '@/lib/generated/argo';

export interface FanOutDagOptions {
  /** Tasks after the root. */
  width: number;
  /** Whether the tasks fan in again into a `sink` task (through `join<n>` tasks when wider than `joinWidth`). */
  sink?: boolean;
  joinWidth?: number;
}

/** A Workflow manifest (apiVersion and kind included) of a fan-out DAG named `name`. */
export function fanOutDag(name: string, { width, sink = false, joinWidth = 500 }: FanOutDagOptions): Workflow {
  const names = Array.from({ length: width }, (_, i) => `t${i}`);
  const tasks: { name: string; template: string; depends?: string }[] = [
    { name: 'root', template: 'work' },
    ...names.map((task) => ({ name: task, template: 'work', depends: 'root' })),
  ];
  if (sink) {
    const joins: string[] = [];
    if (width > joinWidth) {
      for (let start = 0; start < width; start += joinWidth) {
        const join = `join${joins.length}`;
        tasks.push({ name: join, template: 'work', depends: names.slice(start, start + joinWidth).join(' && ') });
        joins.push(join);
      }
    }
    tasks.push({ name: 'sink', template: 'work', depends: (joins.length ? joins : names).join(' && ') });
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', dag: { tasks } },
        { name: 'work', container: { image: 'busybox', command: ['echo', 'hi'] } },
      ],
    },
  } as Workflow;
}
