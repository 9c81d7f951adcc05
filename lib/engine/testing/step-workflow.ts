import type { NodeStatus, Workflow, WorkflowSpec } from '../../generated/argo';
import type { LockTable } from '../../sync/lock-table';
import { reconcileWorkflow } from '../reconcile';
import type { EngineAction, EngineInput, EngineOutput, PodObservation } from '../types';
import { workflowFromYaml } from './build-workflow';

/** The time tests start workflows at. */
export const testStart = new Date('2026-01-01T00:00:00Z');

/** `seconds` after testStart. */
export const secondsAfterStart = (seconds: number) => new Date(testStart.getTime() + seconds * 1000);

/** A workflow's nodes keyed by their name, or by their display name. */
export function nodesBy(nodes: Record<string, NodeStatus> | undefined, key: 'name' | 'displayName'): Record<string, NodeStatus> {
  return Object.fromEntries(Object.values(nodes ?? {}).map((n) => [n[key], n]));
}

/** The node of a workflow with this display name, or else this name; throws when there is none. */
export function nodeNamed(workflow: Workflow, name: string): NodeStatus {
  const nodes = Object.values(workflow.status?.nodes ?? {});
  const node = nodes.find((n) => n.displayName === name) ?? nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name} among ${nodes.map((n) => n.name).join(', ')}`);
  return node;
}

/** The createPod actions among a reconcile's actions. */
export function createdPods(actions: EngineAction[]): Extract<EngineAction, { type: 'createPod' }>[] {
  return actions.filter((a): a is Extract<EngineAction, { type: 'createPod' }> => a.type === 'createPod');
}

/** A workflow reconciled one step at a time by a test, which says what was observed in between. */
export interface WorkflowStepper {
  /** The workflow as the next reconcile gets it: the last status, and any change the test made. */
  workflow: Workflow;
  /** What the last reconcile returned (before the first, an empty output). */
  output: EngineOutput;
  /** Reconciles once, with these pods observed, at `at` (a Date, or seconds after testStart; testStart by default). */
  reconcile(pods?: Record<string, PodObservation>, at?: Date | number): EngineOutput;
  /** The node with this display name (or name) in the last status. */
  node(name: string): NodeStatus;
}

export interface StepOptions {
  /** The workflow's name when given YAML (default `wf`). */
  name?: string;
  locks?: LockTable;
  templates?: Record<string, WorkflowSpec>;
  memoCaches?: EngineInput['memoCaches'];
}

/** Starts stepping a workflow given as YAML or as a Workflow; nothing is reconciled until `reconcile`. */
export function stepWorkflow(source: string | Workflow, options: StepOptions = {}): WorkflowStepper {
  const stepper: WorkflowStepper = {
    workflow: typeof source === 'string' ? workflowFromYaml(source, options.name) : source,
    output: { status: {}, actions: [], changed: false },
    reconcile(pods = {}, at = testStart) {
      const output = reconcileWorkflow({
        workflow: stepper.workflow,
        pods,
        now: typeof at === 'number' ? secondsAfterStart(at) : at,
        ...(options.locks ? { locks: options.locks } : {}),
        ...(options.templates ? { resolveTemplateRef: (name: string) => options.templates?.[name] } : {}),
        ...(options.memoCaches ? { memoCaches: options.memoCaches } : {}),
      });
      stepper.output = output;
      stepper.workflow = { ...stepper.workflow, status: output.status };
      return output;
    },
    node: (name) => nodeNamed(stepper.workflow, name),
  };
  return stepper;
}
