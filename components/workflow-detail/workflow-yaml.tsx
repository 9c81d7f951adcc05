'use client';
import { useMemo, useState } from 'react';
import { stringify } from 'yaml';

/** The workflow as YAML, read-only, with a copy button. */
export function WorkflowYaml({ workflow }: { workflow: unknown }) {
  const text = useMemo(() => stringify(workflow, { lineWidth: 0 }), [workflow]);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1_500);
  };
  return (
    <div className="h-full overflow-auto p-4">
      <div className="sticky top-0 z-10 flex h-0 justify-end">
        <button
        type="button"
        onClick={copy}
        className="mr-3 mt-3 h-fit rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50"
      >
        {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre aria-label="Workflow YAML" className="min-h-full rounded-lg bg-white p-4 font-mono text-xs leading-5 text-slate-800 shadow-sm ring-1 ring-slate-200">
        {text}
      </pre>
    </div>
  );
}
