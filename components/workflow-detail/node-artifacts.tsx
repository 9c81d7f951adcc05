'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { previewKindOf } from '@/lib/artifacts/content-type';
import type { Artifact, NodeStatus } from '@/lib/generated/argo';
import { apiUrl } from '../api-client';
import { useSettings } from '../settings-context';

type Direction = 'inputs' | 'outputs';

/** The file name an artifact is stored under: its key's last part, else its path's. */
function fileNameOf(artifact: Artifact): string {
  const key = artifact.s3?.key ?? artifact.gcs?.key ?? artifact.oss?.key ?? artifact.azure?.blob ?? artifact.path ?? artifact.name;
  return key.slice(key.lastIndexOf('/') + 1) || artifact.name;
}

function TextPreview({ url, json }: { url: string; json: boolean }) {
  const text = useQuery({
    queryKey: ['artifact-preview', url],
    queryFn: async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).slice(0, 200)}`);
      const body = await response.text();
      if (!json) return body;
      try {
        return JSON.stringify(JSON.parse(body), null, 2);
      } catch {
        return body;
      }
    },
  });
  if (text.isError) return <p className="text-xs text-red-700">Could not load: {(text.error as Error).message}</p>;
  return <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{text.data ?? 'Loading…'}</pre>;
}

/** A preview in the browser: HTML (and directory listings) in a sandboxed frame without the dashboard's origin. */
function Preview({ url, name, browse }: { url: string; name: string; browse: boolean }) {
  const kind = browse ? 'html' : previewKindOf(name);
  // Reports are written for a white page: the frame stays light in the dark theme (its page has no background).
  if (kind === 'html') return <iframe title={`Preview of ${name}`} src={url} sandbox="" style={{ background: '#fff', colorScheme: 'light' }} className="h-80 w-full rounded border border-slate-200" />;
  if (kind === 'image') return <img src={url} alt={name} className="max-h-80 max-w-full rounded border border-slate-200" />;
  if (kind === 'json' || kind === 'text') return <TextPreview url={url} json={kind === 'json'} />;
  return <p className="text-xs text-slate-500">No preview for this type: download it.</p>;
}

function ArtifactRow({ artifact, direction, base, filesBase }: { artifact: Artifact; direction: Direction; base: string; filesBase: string }) {
  const [open, setOpen] = useState(false);
  const name = fileNameOf(artifact);
  const packed = /\.(tgz|tar\.gz)$/.test(name);
  const url = packed ? `${filesBase}/${encodeURIComponent(artifact.name)}/` : `${base}/${encodeURIComponent(artifact.name)}`;
  const previewable = packed || previewKindOf(name) !== 'none';
  return (
    <li className="border-t border-slate-100 py-1.5">
      <div className="flex items-center gap-2 text-xs">
        <span className="min-w-0 flex-1 truncate font-mono text-slate-900" title={name}>{artifact.name}</span>
        {artifact.deleted ? <span className="text-slate-400">deleted</span> : (
          <>
            {previewable ? (
              <button type="button" onClick={() => setOpen(!open)} className="rounded px-1.5 py-0.5 text-blue-700 hover:bg-blue-50">
                {open ? 'Hide' : packed ? 'Browse' : 'Preview'}
              </button>
            ) : null}
            <a href={`${base}/${encodeURIComponent(artifact.name)}?download`} download={name} className="rounded px-1.5 py-0.5 text-blue-700 hover:bg-blue-50">Download</a>
          </>
        )}
      </div>
      {direction === 'outputs' && artifact.path ? <p className="truncate font-mono text-[11px] text-slate-500">{artifact.path}</p> : null}
      {open ? <div className="mt-1.5"><Preview url={url} name={name} browse={packed} /></div> : null}
    </li>
  );
}

/**
 * A node's input and output artifacts with download, preview and browsing (argo-server's artifact endpoints): a
 * live workflow's by name, an archived one's by uid (its live copy may be gone).
 */
export function NodeArtifacts({ namespace, workflow, node }: { namespace: string; workflow: { name: string } | { uid: string }; node: NodeStatus }) {
  const { baseHref } = useSettings();
  const sections: [Direction, string, Artifact[]][] = [
    ['inputs', 'Input artifacts', node.inputs?.artifacts ?? []],
    ['outputs', 'Output artifacts', node.outputs?.artifacts ?? []],
  ];
  return (
    <>
      {sections.filter(([, , list]) => list.length > 0).map(([direction, title, list]) => {
        const endpoint = direction === 'inputs' ? 'input-artifacts' : 'artifacts';
        const base = 'uid' in workflow
          ? apiUrl(baseHref, `${endpoint}-by-uid/${encodeURIComponent(workflow.uid)}/${encodeURIComponent(node.id)}`)
          : apiUrl(baseHref, `${endpoint}/${encodeURIComponent(namespace)}/${encodeURIComponent(workflow.name)}/${encodeURIComponent(node.id)}`);
        const filesBase = 'uid' in workflow
          ? apiUrl(baseHref, `artifact-files/${encodeURIComponent(namespace)}/archived-workflows/${encodeURIComponent(workflow.uid)}/${encodeURIComponent(node.id)}/${direction}`)
          : apiUrl(baseHref, `artifact-files/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflow.name)}/${encodeURIComponent(node.id)}/${direction}`);
        return (
          <section key={direction} className="mt-4" aria-label={title}>
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
            <ul>{list.map((artifact) => <ArtifactRow key={artifact.name} artifact={artifact} direction={direction} base={base} filesBase={filesBase} />)}</ul>
          </section>
        );
      })}
    </>
  );
}
