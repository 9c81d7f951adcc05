'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import { isCompleted } from '@/lib/engine/phases';
import { podOf, workflowPods } from '@/lib/logs/workflow-pods';
import { ApiRequestError } from '../api-client';
import { resourceQuery } from '../queries/resources';
import { useSettings } from '../settings-context';
import { useWorkflowWatch } from '../streams/use-workflow-watch';
import { NodeActions } from '../actions/node-actions';
import { LogViewer } from '../logs/log-viewer';
import { DetailTabs } from './detail-tabs';
import { NodePanel } from './node-panel';
import { NodesTable } from './nodes-table';
import { useDetailParams } from './use-detail-params';
import { useNow } from './use-now';
import { WorkflowGraph } from './workflow-graph';
import { WorkflowHeader } from './workflow-header';
import { WorkflowYaml } from './workflow-yaml';

const pollMs = 2_000;
const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

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
 * The workflow detail page: header, then graph, node table or YAML, with a node's details beside them. A job's build
 * page passes `breadcrumbs` to frame it as "job › #42".
 */
export function WorkflowDetail({ namespace, name, breadcrumbs }: { namespace: string; name: string; breadcrumbs?: ReactNode }) {
  const { baseHref } = useSettings();
  const options = resourceQuery(baseHref, 'workflows', namespace, name);
  // The watch stream pushes every change into the query's cache; polling only stands in while it is down.
  const stream = useWorkflowWatch(baseHref, namespace, name, options.queryKey);
  const query = useQuery({
    ...options,
    refetchInterval: (q) =>
      stream === 'open' || q.state.error || isCompleted((q.state.data as Workflow | undefined)?.status?.phase) ? false : pollMs,
    retry: (count, error) => !isNotFound(error) && count < 3,
  });
  const workflow = query.data as Workflow | undefined;
  const { tab, nodeId, hrefWith, selectNode } = useDetailParams();
  const [expanded, toggleExpanded] = useIdSet();
  const [collapsed, toggleCollapsed] = useIdSet();
  const view = useMemo(() => ({ expanded, collapsed }), [expanded, collapsed]);
  const running = Boolean(workflow && !isCompleted(workflow.status?.phase));
  const now = useNow(running);
  const nodes = useMemo(() => workflow?.status?.nodes ?? {}, [workflow]);
  const pods = useMemo(() => workflowPods(name, nodes), [name, nodes]);
  const expand = useCallback((id: string) => { if (!expanded.has(id)) toggleExpanded(id); }, [expanded, toggleExpanded]);
  const closePanel = useCallback(() => selectNode(undefined), [selectNode]);

  if (query.isPending) return <p className="py-8 text-sm text-slate-500">Loading workflow…</p>;
  if (query.error || !workflow) {
    if (isNotFound(query.error)) {
      return (
        <div className="py-16 text-center">
          <h1 className="text-xl font-semibold">Workflow not found</h1>
          <p className="mt-2 text-sm text-slate-500">There is no workflow {name} in namespace {namespace}. It may have been deleted.</p>
          <Link href={`/workflows/${encodeURIComponent(namespace)}`} className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
            Back to the workflows in {namespace}
          </Link>
        </div>
      );
    }
    return (
      <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
        Could not load workflow {name}: {query.error?.message ?? 'empty response'}
      </p>
    );
  }

  const selected = nodeId ? nodes[nodeId] : undefined;
  const selectedPod = selected ? podOf(name, selected) : undefined;
  const foldable = selected && (selected.type === 'Retry' || selected.type === 'TaskGroup');
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[32rem] flex-col">
      <WorkflowHeader workflow={workflow} now={now} breadcrumbs={breadcrumbs} />
      <DetailTabs active={tab} hrefFor={(t) => hrefWith({ tab: t === 'graph' ? undefined : t })} nodeCount={Object.keys(nodes).length} />
      <div className="mt-4 flex min-h-0 flex-1 overflow-hidden rounded-lg bg-slate-50 ring-1 ring-slate-200">
        <div className="min-w-0 flex-1">
          {tab === 'graph' ? (
            <WorkflowGraph workflowName={name} nodes={nodes} view={view} selectedId={nodeId} onSelect={selectNode} onExpand={expand} />
          ) : tab === 'nodes' ? (
            <NodesTable nodes={nodes} now={now} selectedId={nodeId} onSelect={selectNode} />
          ) : tab === 'logs' ? (
            <LogViewer namespace={namespace} workflowName={name} pods={pods} running={running} className="h-full" />
          ) : (
            <WorkflowYaml workflow={workflow} />
          )}
        </div>
        {selected && (tab === 'graph' || tab === 'nodes') ? (
          <NodePanel
            node={selected}
            actions={<NodeActions workflow={workflow} node={selected} />}
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
