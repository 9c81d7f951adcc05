'use client';
import { useState } from 'react';
import type { Folder } from '../queries/history-types';
import { ShallowLink } from './shallow-link';

/** The folders as a tree of links; the branch holding the selected folder starts open, the rest closed. */
export function FolderTree({ folders, selected, hrefFor }: { folders: Folder[]; selected?: string; hrefFor: (path: string | undefined) => string }) {
  return (
    <ul role="tree" aria-label="Folders" className="space-y-px text-sm">
      {folders.map((folder) => <FolderItem key={folder.path} folder={folder} selected={selected} hrefFor={hrefFor} depth={0} />)}
    </ul>
  );
}

function FolderItem({ folder, selected, hrefFor, depth }: { folder: Folder; selected?: string; hrefFor: (path: string | undefined) => string; depth: number }) {
  const onPath = selected !== undefined && (selected === folder.path || selected.startsWith(`${folder.path}/`));
  const [open, setOpen] = useState(onPath);
  const active = selected === folder.path;
  const children = folder.children ?? [];
  return (
    <li role="treeitem" aria-expanded={children.length ? open : undefined} aria-selected={active}>
      <div className={`group flex items-center rounded-md pr-2 ${active ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200' : 'text-slate-700 hover:bg-slate-100'}`} style={{ paddingLeft: `${depth * 12}px` }}>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-label={open ? `Collapse ${folder.name}` : `Expand ${folder.name}`}
          className={`w-5 shrink-0 text-xs text-slate-400 ${children.length ? 'hover:text-slate-700' : 'invisible'}`}
        >
          {open ? '▾' : '▸'}
        </button>
        <ShallowLink href={hrefFor(folder.path)} className="flex min-w-0 flex-1 items-center gap-1.5 py-1" title={folder.path}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden className={active ? 'text-blue-600 dark:text-blue-300' : 'text-slate-400'}>
            <path d="M1.5 3.5a1 1 0 0 1 1-1h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" fill="currentColor" />
          </svg>
          <span className="truncate">{folder.name}</span>
        </ShallowLink>
        <span className="ml-1 text-xs tabular-nums text-slate-400">{folder.jobCount}</span>
      </div>
      {open && children.length ? (
        <ul role="group" className="space-y-px">
          {children.map((child) => <FolderItem key={child.path} folder={child} selected={selected} hrefFor={hrefFor} depth={depth + 1} />)}
        </ul>
      ) : null}
    </li>
  );
}
