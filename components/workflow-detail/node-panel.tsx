'use client';
import type { ReactNode } from 'react';
import type { NodeStatus, Parameter } from '@/lib/generated/argo';
import { displayLabel, displayPhase } from '@/lib/graph';
import { formatElapsed, formatTimestamp } from './format';
import { NodePhaseBadge } from './phase-icon';
import { useNow } from './use-now';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-2 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Parameters({ title, parameters, extra }: { title: string; parameters: Parameter[]; extra?: [string, string][] }) {
  const rows: [string, string][] = [...parameters.map((p): [string, string] => [p.name, p.value ?? p.default ?? '']), ...(extra ?? [])];
  if (rows.length === 0) return null;
  return (
    <section className="mt-4">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <table className="w-full table-fixed text-xs">
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name} className="border-t border-slate-100 align-top">
              <td className="w-1/3 truncate py-1.5 pr-2 font-mono text-slate-600" title={name}>{name}</td>
              <td className="whitespace-pre-wrap break-words py-1.5 font-mono text-slate-900">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function templateOf(node: NodeStatus): string | undefined {
  if (node.templateName) return node.templateName;
  if (node.templateRef) return `${node.templateRef.name}/${node.templateRef.template}`;
  return undefined;
}

/** Everything about one node: what it is, how it ran, and its parameters. */
export function NodePanel({ node, onClose, onToggleFold, folded, logs, actions, artifacts }: {
  node: NodeStatus;
  /** Actions on the node (retry from here, resume). */
  actions?: ReactNode;
  /** The node's log viewer, for pods. */
  logs?: ReactNode;
  /** The node's artifacts (node-artifacts.tsx). */
  artifacts?: ReactNode;
  onClose: () => void;
  onToggleFold?: () => void;
  folded: boolean;
}) {
  const phase = displayPhase(node);
  const now = useNow(Boolean(node.startedAt && !node.finishedAt));
  const outputs = node.outputs;
  const extra: [string, string][] = [];
  if (outputs?.result !== undefined) extra.push(['result', outputs.result]);
  return (
    <aside aria-label="Node details" className="flex h-full w-96 shrink-0 flex-col border-l border-slate-200 bg-white">
      <header className="flex items-start gap-3 border-b border-slate-200 px-5 py-4">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold" title={displayLabel(node)}>{displayLabel(node)}</h2>
          <p className="truncate font-mono text-xs text-slate-500" title={node.name}>{node.name}</p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close node details" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          ✕
        </button>
      </header>
      <div className="flex-1 overflow-y-auto px-5 py-3 text-sm">
        <dl className="divide-y divide-slate-100">
          <Field label="Phase"><NodePhaseBadge phase={phase} /></Field>
          <Field label="Type">{node.type}</Field>
          {templateOf(node) ? <Field label="Template"><span className="font-mono text-xs">{templateOf(node)}</span></Field> : null}
          {node.message ? <Field label="Message">{node.message}</Field> : null}
          <Field label="Started">{formatTimestamp(node.startedAt)}</Field>
          <Field label="Finished">{formatTimestamp(node.finishedAt)}</Field>
          <Field label="Duration"><span className="tabular-nums">{formatElapsed(node, now) || '-'}</span></Field>
          {node.progress ? <Field label="Progress">{node.progress}</Field> : null}
          {outputs?.exitCode !== undefined ? <Field label="Exit code"><span className="font-mono">{outputs.exitCode}</span></Field> : null}
          {node.hostNodeName ? <Field label="Host">{node.hostNodeName}</Field> : null}
          <Field label="ID"><span className="font-mono text-xs">{node.id}</span></Field>
        </dl>
        {actions}
        {onToggleFold ? (
          <button type="button" onClick={onToggleFold} className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50">
            {folded ? 'Unfold in the graph' : 'Fold into one node'}
          </button>
        ) : null}
        <Parameters title="Input parameters" parameters={node.inputs?.parameters ?? []} />
        <Parameters title="Output parameters" parameters={outputs?.parameters ?? []} extra={extra} />
        {artifacts}
        {logs ? (
          <section className="mt-4">
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Logs</h3>
            <div className="-mx-5 border-y border-slate-200">{logs}</div>
          </section>
        ) : null}
      </div>
    </aside>
  );
}
