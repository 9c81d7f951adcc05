import type { NodeStatus, Prometheus, Template, TemplateRef, Workflow, WorkflowSpec, WorkflowStatus } from '../generated/argo';
import { computeMetrics, metricScope, type RealtimeSources } from './metrics';
import type { LockTable } from '../sync/lock-table';
import { toKubeTime } from '../k8s/object';
import { cloneJson } from './clone-json';
import { derived } from './intern-spec';
import { toDisplayName, toNodeId } from './node-names';
import { isFulfilled, isNodeFulfilled } from './phases';
import type { EngineAction, EngineInput, Nodes, NodePhase, PodObservation } from './types';

/** Where a template was found: the workflow itself, a WorkflowTemplate or a ClusterWorkflowTemplate. */
export interface TemplateScope {
  /** Argo's `templateScope` string: `local/<workflow>`, `namespaced/<template>` or `cluster/<template>`. */
  id: string;
  templates: Template[];
}

/** A reference to a template, as steps, DAG tasks and the entrypoint hold one. */
export interface TemplateHolder {
  name?: string;
  template?: string;
  templateRef?: TemplateRef;
  inline?: Template;
}

const templatesByName = new WeakMap<Template[], Map<string, Template>>();

/** The first template of a name in a list, through a map built once per list (a big DAG looks one up per task). */
function templateNamed(templates: Template[], name: string): Template | undefined {
  return derived(templatesByName, templates, (list) => {
    const byName = new Map<string, Template>();
    for (const template of list) if (!byName.has(template.name ?? '')) byName.set(template.name ?? '', template);
    return byName;
  }).get(name);
}

/** An error that fails one node with Argo's message rather than the whole reconcile. */
export class NodeError extends Error {}

/**
 * The working state of one reconcile: its own map of the nodes (each shared with the input until it is written, see
 * `own`) plus the actions decided so far. It never escapes the engine; callers see only EngineOutput.
 */
export class Operation {
  readonly workflow: Workflow;
  readonly name: string;
  readonly spec: WorkflowSpec;
  readonly nodes: Nodes;
  readonly now: Date;
  readonly nowText: string;
  readonly pods: Readonly<Record<string, PodObservation>>;
  readonly actions: EngineAction[] = [];
  readonly globalParams: Record<string, string> = {};
  readonly localScope: TemplateScope;
  requeueAfter: number | undefined;
  /** Pods holding a slot of the workflow's `parallelism`: counted after observations, raised as pods are created. */
  activePods = 0;
  /** Set while the workflow winds down: no new pods start, except in exit handlers that still run. */
  shutdown: { message: string; runExitHandlers: boolean } | undefined;
  readonly locks: LockTable | undefined;
  readonly memoCaches: EngineInput['memoCaches'];
  /** The status being built (nodes aside): synchronization records land here. */
  readonly status: WorkflowStatus;
  private readonly resolveRef: EngineInput['resolveTemplateRef'];
  /** The ids in each node's `children`, kept beside the list by addChild (keyed by the list itself). */
  private readonly childIds = new WeakMap<string[], Set<string>>();
  /** Node IDs by node name: a big DAG looks each one up several times per reconcile, and each is a hash. */
  private readonly ids = new Map<string, string>();
  /**
   * Every node, in `nodes`' order (new ones appended by initNode). Walk this, not `Object.values(nodes)`: listing the
   * keys of an object of thousands of properties costs a sort each time, and a reconcile walks all nodes many times.
   */
  readonly nodeList: NodeStatus[];
  /**
   * The nodes this reconcile made or copied, and so may change. Every other node is the input's own object, shared
   * with the output as long as nothing changes it (copy on write): a reconcile of a big workflow copies the few
   * nodes that change, not the megabytes of those that do not. Walks that only read use `peekNode`.
   */
  readonly owned = new Set<NodeStatus>();
  /** How many nodes the input had. */
  readonly inputNodeCount: number;
  /** Each node's index in `nodeList`, by ID: made when the first shared node is copied. */
  private positions: Map<string, number> | undefined;

  /** `nodeList`, when given, lists `nodes` in their order, each under its own ID. */
  constructor(input: EngineInput, spec: WorkflowSpec, nodes: Nodes, status: WorkflowStatus, nodeList?: NodeStatus[]) {
    this.workflow = input.workflow;
    this.name = input.workflow.metadata.name ?? '';
    this.spec = spec;
    this.nodes = nodes;
    this.now = input.now;
    this.nowText = toKubeTime(input.now);
    this.pods = input.pods;
    this.resolveRef = input.resolveTemplateRef;
    this.locks = input.locks;
    this.memoCaches = input.memoCaches;
    this.status = status;
    this.localScope = { id: `local/${this.name}`, templates: spec.templates ?? [] };
    // The nodes already there name their own IDs: only new names need hashing. A status whose nodes are not all
    // under their own IDs (not one the engine wrote) is copied whole, as copy on write finds a node by its ID.
    if (nodeList !== undefined) {
      this.nodeList = nodeList;
      this.inputNodeCount = nodeList.length;
      for (const node of nodeList) if (node.name !== undefined) this.ids.set(node.name, node.id);
    } else {
      this.nodeList = [];
      for (const id in nodes) {
        const node = cloneJson(nodes[id]!);
        nodes[id] = node;
        this.owned.add(node);
        this.nodeList.push(node);
        if (node.name !== undefined) this.ids.set(node.name, id);
      }
      this.inputNodeCount = this.nodeList.length;
    }
  }

  /** Nodes whose final metrics (or realtime start) were emitted in this reconcile, so a second visit repeats nothing. */
  readonly metricsEmitted = new Set<string>();

  /** Whether a node existed before this reconcile. */
  existedBefore(nodeId: string): boolean {
    return this.workflow.status?.nodes?.[nodeId] !== undefined;
  }

  /** Whether a node ended in this reconcile (it was not fulfilled, or not there, before). */
  justFulfilled(node: NodeStatus): boolean {
    const before = this.workflow.status?.nodes?.[node.id];
    return isFulfilled(node.phase) && (!before || !isFulfilled(before.phase));
  }

  /** Queues a template's or the workflow's metrics, as Argo's computeMetrics emits them. */
  emitMetrics(key: string, metrics: Prometheus[] | undefined, node: NodeStatus | undefined, realtimeOnly: boolean, extra: Record<string, string> = {}): void {
    if (!metrics?.length || this.metricsEmitted.has(key)) return;
    this.metricsEmitted.add(key);
    const scope = { ...metricScope(this.globalParams, node, this.now), ...extra };
    const realtime: RealtimeSources = {};
    if (node?.startedAt) realtime.duration = { since: node.startedAt, ...(isFulfilled(node.phase) && node.finishedAt ? { until: node.finishedAt } : {}) };
    if (this.status.startedAt) {
      realtime['workflow.duration'] = { since: this.status.startedAt, ...(this.status.finishedAt ? { until: this.status.finishedAt } : {}) };
    }
    const { emissions, errors } = computeMetrics(metrics, scope, realtime, this.now, realtimeOnly);
    if (emissions.length || errors.length) this.actions.push({ type: 'metrics', emissions, errors });
  }


  nodeId(nodeName: string): string {
    let id = this.ids.get(nodeName);
    if (id === undefined) {
      id = toNodeId(this.name, nodeName);
      this.ids.set(nodeName, id);
    }
    return id;
  }

  /** The node of this name, this reconcile's to change (copied from the input's the first time). */
  getNode(nodeName: string): NodeStatus | undefined {
    const node = this.nodes[this.nodeId(nodeName)];
    return node && this.own(node);
  }

  /** The node with this ID, this reconcile's to change (copied from the input's the first time). */
  getNodeById(id: string): NodeStatus | undefined {
    const node = this.nodes[id];
    return node && this.own(node);
  }

  /** The node of this name as it is now, to read only: it may be the input's own object. */
  peekNode(nodeName: string): NodeStatus | undefined {
    return this.nodes[this.nodeId(nodeName)];
  }

  /** The node with this ID as it is now, to read only: it may be the input's own object. */
  peekNodeById(id: string): NodeStatus | undefined {
    return this.nodes[id];
  }

  /**
   * A node this reconcile may change: the node itself when it is already this reconcile's, else a copy that replaces
   * the input's (which stays as it was). Given a node read earlier that has been copied since, the copy.
   */
  own(node: NodeStatus): NodeStatus {
    if (this.owned.has(node)) return node;
    const current = this.nodes[node.id];
    if (current === undefined) throw new Error(`node ${node.id} is not in this workflow`);
    if (current !== node && this.owned.has(current)) return current;
    const copy = cloneJson(current);
    this.owned.add(copy);
    this.nodes[node.id] = copy;
    this.nodeList[this.positionOf(node.id)] = copy;
    return copy;
  }

  private positionOf(id: string): number {
    if (this.positions === undefined) {
      this.positions = new Map();
      for (let index = 0; index < this.nodeList.length; index++) this.positions.set(this.nodeList[index]!.id, index);
    }
    const position = this.positions.get(id);
    if (position === undefined) throw new Error(`node ${id} is not listed`);
    return position;
  }

  /** Creates a node the way Argo's initializeNode does; the node must not exist yet. */
  initNode(
    nodeName: string,
    type: string,
    fields: { holder?: TemplateHolder; templateScope: string; boundaryID?: string; phase: NodePhase; message?: string },
  ): NodeStatus {
    const boundary = fields.boundaryID ? this.peekNodeById(fields.boundaryID) : undefined;
    const node: NodeStatus = {
      id: this.nodeId(nodeName),
      name: nodeName,
      displayName: toDisplayName(nodeName, boundary?.name),
      type,
      ...(fields.holder?.template ? { templateName: fields.holder.template } : {}),
      ...(fields.holder?.templateRef ? { templateRef: { ...fields.holder.templateRef } } : {}),
      templateScope: fields.templateScope,
      phase: fields.phase,
      ...(fields.boundaryID ? { boundaryID: fields.boundaryID } : {}),
      ...(fields.message ? { message: fields.message } : {}),
      startedAt: this.nowText,
    };
    if (isFulfilled(fields.phase)) node.finishedAt = this.nowText;
    const replaced = this.nodes[node.id];
    this.nodes[node.id] = node;
    this.owned.add(node);
    if (replaced) {
      this.owned.delete(replaced);
      this.nodeList[this.nodeList.indexOf(replaced)] = node;
    } else {
      this.positions?.set(node.id, this.nodeList.length);
      this.nodeList.push(node);
    }
    return node;
  }

  /** Sets a node's phase (and message), stamping finishedAt when it becomes fulfilled. */
  markPhase(nodeName: string, phase: NodePhase, message?: string): NodeStatus {
    const node = this.getNode(nodeName);
    if (!node) throw new Error(`no node named ${nodeName}`);
    node.phase = phase;
    if (message !== undefined && message !== '') node.message = message;
    if (isFulfilled(phase) && !node.finishedAt) node.finishedAt = this.nowText;
    return node;
  }

  markError(nodeName: string, message: string): NodeStatus {
    return this.markPhase(nodeName, 'Error', message);
  }

  addChild(parentName: string, childName: string): void {
    const current = this.peekNode(parentName);
    if (!current) return;
    const childId = this.nodeId(childName);
    // Steps add their children again on every reconcile: a parent that has the child already is not copied.
    if (current.children && this.childIdsOf(current.children).has(childId)) return;
    const parent = this.own(current);
    parent.children ??= [];
    this.childIdsOf(parent.children).add(childId);
    parent.children.push(childId);
  }

  // A set beside each children list: a DAG root with thousands of children made `includes` quadratic.
  private childIdsOf(children: string[]): Set<string> {
    let known = this.childIds.get(children);
    if (!known) {
      known = new Set(children);
      this.childIds.set(children, known);
    }
    return known;
  }

  requeue(afterSeconds: number): void {
    const seconds = Math.max(0, afterSeconds);
    this.requeueAfter = this.requeueAfter === undefined ? seconds : Math.min(this.requeueAfter, seconds);
  }

  /** Finds the template a holder refers to, and the scope its own references resolve in. */
  resolveTemplate(holder: TemplateHolder, scope: TemplateScope): { template: Template; scope: TemplateScope } {
    if (holder.inline) return { template: { ...holder.inline, name: holder.inline.name ?? '' }, scope };
    if (holder.templateRef) {
      const ref = holder.templateRef;
      const clusterScope = ref.clusterScope === true;
      const source = this.resolveRef?.(ref.name ?? '', clusterScope);
      const kind = clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
      if (!source) throw new NodeError(`${kind} '${ref.name}' not found`);
      const refScope: TemplateScope = { id: `${clusterScope ? 'cluster' : 'namespaced'}/${ref.name}`, templates: source.templates ?? [] };
      const template = templateNamed(refScope.templates, ref.template ?? '');
      if (!template) throw new NodeError(`template ${ref.template} not found in ${kind.toLowerCase()} ${ref.name}`);
      return { template, scope: refScope };
    }
    const name = holder.template ?? '';
    const template = templateNamed(scope.templates, name);
    if (!template) throw new NodeError(`template ${name} not found`);
    return { template, scope };
  }

  /** The template a node was started from (as written, before arguments), or undefined when it cannot be found. */
  templateOfNode(node: NodeStatus): Template | undefined {
    const scopeId = node.templateScope ?? '';
    let templates: Template[] | undefined;
    if (node.templateRef) {
      const ref = node.templateRef;
      templates = this.resolveRef?.(ref.name ?? '', ref.clusterScope === true)?.templates;
      return templates && templateNamed(templates, ref.template ?? '');
    }
    if (scopeId.startsWith('local/') || scopeId === '') templates = this.localScope.templates;
    else if (scopeId.startsWith('namespaced/')) templates = this.resolveRef?.(scopeId.slice('namespaced/'.length), false)?.templates;
    else if (scopeId.startsWith('cluster/')) templates = this.resolveRef?.(scopeId.slice('cluster/'.length), true)?.templates;
    return templates && templateNamed(templates, node.templateName ?? '');
  }

  /** Whether a node and everything under it is fulfilled. */
  childrenFulfilled(node: NodeStatus, seen = new Set<string>()): boolean {
    for (const childId of node.children ?? []) {
      if (seen.has(childId)) continue;
      seen.add(childId);
      const child = this.nodes[childId];
      if (!child || !isNodeFulfilled(child)) return false;
      if (!this.childrenFulfilled(child, seen)) return false;
    }
    return true;
  }

  /** A Retry node stands for its last attempt (outputs, status, IP); any other node for itself. */
  lastAttempt(node: NodeStatus): NodeStatus {
    if (node.type !== 'Retry' || !node.children?.length) return node;
    return this.nodes[node.children.at(-1)!] ?? node;
  }

  private containerOutbound(node: NodeStatus): string[] {
    if (!node.children?.length) return [node.id];
    return node.children.flatMap((childId) => {
      const child = this.nodes[childId];
      // A child outside the container's boundary is a later step hung under it: the container is the end.
      if (node.type === 'Container' && child && child.boundaryID !== node.boundaryID) return [node.id];
      return this.outboundNodes(childId);
    });
  }

  /**
   * The nodes a following step or task hangs under: for a pod, itself; for steps, DAGs and retries,
   * their own outbound nodes, as Argo's getOutboundNodes.
   */
  outboundNodes(nodeId: string): string[] {
    const node = this.nodes[nodeId];
    if (!node) return [];
    switch (node.type) {
      case 'Skipped':
      case 'Suspend':
      case 'HTTP':
      case 'Plugin':
        return [node.id];
      case 'Pod':
        // A containerSet's pod ends where its last containers end, as Argo's getOutboundNodes.
        if (!this.templateOfNode(node)?.containerSet) return [node.id];
        return this.containerOutbound(node);
      case 'Container':
      case 'TaskGroup':
        return this.containerOutbound(node);
      case 'Retry': {
        const last = node.children?.at(-1);
        if (last) return [last];
        break;
      }
    }
    return (node.outboundNodes ?? []).flatMap((id) => this.outboundNodes(id));
  }
}
