'use client';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { isCompleted } from '@/lib/engine/phases';
import type { Workflow } from '@/lib/generated/argo';
import { podOf, workflowPods } from '@/lib/logs/workflow-pods';
import { NodeActions } from '../actions/node-actions';
import { LogViewer } from '../logs/log-viewer';
import { DetailTabs } from './detail-tabs';
import { NodeArtifacts } from './node-artifacts';
import { NodePanel } from './node-panel';
import { NodesTable } from './nodes-table';
import { useDetailParams } from './use-detail-params';
import { useNow } from './use-now';
import { WorkflowEvents } from './workflow-events';
import { WorkflowGraph } from './workflow-graph';
import { WorkflowHeader } from './workflow-header';
import { WorkflowSummary } from './workflow-summary';
import { WorkflowTimeline } from './workflow-timeline';
import { WorkflowYaml } from './workflow-yaml';

/** Toggles one id in a set held in state, returning a new set so memoised consumers see the change. */
function useIdSet() {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => setIds((old) => {
    const next = new Set(old);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  return [ids, toggle] as const;
}

/**
 * One workflow, live or from the archive: header with its actions, then graph, nodes, logs or YAML, with a
 * node's details beside them. An `archived` workflow's nodes cannot be acted on, and its artifacts are found by
 * its uid (argo-server's by-uid endpoints), since its live copy may be gone.
 */
export function WorkflowView({ workflow, actions, breadcrumbs, archived = false }: {
  workflow: Workflow;
  actions: ReactNode;
  breadcrumbs?: ReactNode;
  archived?: boolean;
}) {
  const { namespace = '', name = '' } = workflow.metadata;
  const { tab, nodeId, hrefWith, selectNode } = useDetailParams();
  const [expanded, toggleExpanded] = useIdSet();
  const [collapsed, toggleCollapsed] = useIdSet();
  const view = useMemo(() => ({ expanded, collapsed }), [expanded, collapsed]);
  const running = !isCompleted(workflow.status?.phase);
  const now = useNow(running);
  const nodes = useMemo(() => workflow.status?.nodes ?? {}, [workflow]);
  const pods = useMemo(() => workflowPods(name, nodes), [name, nodes]);
  const expand = useCallback((id: string) => { if (!expanded.has(id)) toggleExpanded(id); }, [expanded, toggleExpanded]);
  const closePanel = useCallback(() => selectNode(undefined), [selectNode]);

  const selected = nodeId ? nodes[nodeId] : undefined;
  const selectedPod = selected ? podOf(name, selected) : undefined;
  const foldable = selected && (selected.type === 'Retry' || selected.type === 'TaskGroup');
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[32rem] flex-col">
      <WorkflowHeader workflow={workflow} now={now} actions={actions} breadcrumbs={breadcrumbs} />
      <DetailTabs active={tab} hrefFor={(t) => hrefWith({ tab: t === 'graph' ? undefined : t })} nodeCount={Object.keys(nodes).length} />
      <div className="mt-4 flex min-h-0 flex-1 overflow-hidden rounded-lg bg-slate-50 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <div className="min-w-0 flex-1">
          {tab === 'graph' ? (
            <WorkflowGraph workflowName={name} nodes={nodes} view={view} selectedId={nodeId} onSelect={selectNode} onExpand={expand} onToggleExpandAll={() => toggleExpanded('*')} />
          ) : tab === 'timeline' ? (
            <WorkflowTimeline nodes={nodes} now={now} selectedId={nodeId} onSelect={selectNode} />
          ) : tab === 'summary' ? (
            <WorkflowSummary workflow={workflow} now={now} />
          ) : tab === 'nodes' ? (
            <NodesTable nodes={nodes} now={now} selectedId={nodeId} onSelect={selectNode} />
          ) : tab === 'events' ? (
            <WorkflowEvents namespace={namespace} name={name} uid={workflow.metadata.uid} selectedId={nodeId} onSelect={selectNode} />
          ) : tab === 'logs' ? (
            <LogViewer namespace={namespace} workflowName={name} pods={pods} running={running} className="h-full" />
          ) : (
            <WorkflowYaml workflow={workflow} />
          )}
        </div>
        {selected && (tab === 'graph' || tab === 'nodes' || tab === 'timeline' || tab === 'events') ? (
          <NodePanel
            node={selected}
            actions={!archived ? <NodeActions workflow={workflow} node={selected} /> : undefined}
            artifacts={<NodeArtifacts namespace={namespace} workflow={archived ? { uid: workflow.metadata.uid ?? '' } : { name }} node={selected} />}
            logs={selectedPod ? (
              <LogViewer key={selectedPod.podName} namespace={namespace} workflowName={name} pods={[selectedPod]} pod={selectedPod.podName} running={running} className="h-80" />
            ) : undefined}
            onClose={closePanel}
            folded={collapsed.has(selected.id)}
            onToggleFold={foldable ? () => toggleCollapsed(selected.id) : undefined}
          />
        ) : null}
      </div>
    </div>
  );
}
