'use client';
import Link from 'next/link';
import { type DetailTab, detailTabs } from './use-detail-params';

const labels: Record<DetailTab, string> = { graph: 'Graph', timeline: 'Timeline', nodes: 'Nodes', logs: 'Logs', summary: 'Summary', events: 'Events', yaml: 'YAML' };

/** Tabs as links, so each view has its own URL and the back button walks through them. */
export function DetailTabs({ active, hrefFor, nodeCount }: { active: DetailTab; hrefFor: (tab: DetailTab) => string; nodeCount: number }) {
  return (
    <div role="tablist" className="flex gap-1 border-b border-slate-200">
      {detailTabs.map((tab) => (
        <Link
          key={tab}
          role="tab"
          aria-selected={tab === active}
          href={hrefFor(tab)}
          scroll={false}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
            tab === active ? 'border-blue-600 text-blue-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
          }`}
        >
          {labels[tab]}
          {tab === 'nodes' ? <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{nodeCount}</span> : null}
        </Link>
      ))}
    </div>
  );
}
