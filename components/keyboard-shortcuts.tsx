'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** The shortcuts, for the help dialog (`?`). */
export const shortcuts: [string, string][] = [
  ['/', 'Search: focus the page’s search or name filter'],
  ['g j', 'Go to jobs'],
  ['g w', 'Go to workflows'],
  ['g t', 'Go to templates'],
  ['g c', 'Go to cron workflows'],
  ['g a', 'Go to archived workflows'],
  ['g s', 'Submit a workflow'],
  ['?', 'Show these shortcuts'],
];

const destinations: Record<string, string> = { j: '/jobs', w: '/workflows', t: '/workflow-templates', c: '/cron-workflows', a: '/archived-workflows', s: '/submit' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

/**
 * Keyboard shortcuts for the whole app, off while typing in a field: `/` focuses the page's search box (the
 * first `input[type=search]` or an input marked `data-shortcut-search`), `g` then a letter goes to a page.
 */
export function KeyboardShortcuts() {
  const router = useRouter();
  const leader = useRef(0);
  const [help, setHelp] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('input[data-shortcut-search], input[type=search], [role=search] input');
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (event.key === '?') { setHelp(true); return; }
      if (event.key === 'g') { leader.current = Date.now(); return; }
      const to = destinations[event.key];
      if (to && Date.now() - leader.current < 1_500) {
        leader.current = 0;
        router.push(to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router]);
  useEffect(() => {
    if (help && !dialog.current?.open) dialog.current?.showModal();
  }, [help]);
  return (
    <dialog ref={dialog} onClose={() => setHelp(false)} aria-labelledby="shortcuts-title" className="m-auto w-96 rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="shortcuts-title" className="text-base font-semibold">Keyboard shortcuts</h2>
      <dl className="mt-3 space-y-1.5 text-sm">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="flex gap-3">
            <dt className="w-12 shrink-0"><kbd className="rounded border border-slate-300 px-1.5 font-mono text-xs dark:border-slate-600">{keys}</kbd></dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">Close</button>
      </form>
    </dialog>
  );
}
