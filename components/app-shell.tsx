'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { apiFetch } from './api-client';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { useSettings } from './settings-context';
import { type ThemeChoice, useTheme } from './theme/theme';

const navigation = [
  { href: '/jobs', label: 'Jobs' },
  { href: '/workflows', label: 'Workflows' },
  { href: '/workflow-templates', label: 'Templates' },
  { href: '/cron-workflows', label: 'Cron workflows' },
  { href: '/archived-workflows', label: 'Archived workflows' },
  { href: '/submit', label: 'Submit' },
];
const secondary = [
  { href: '/userinfo', label: 'User info' },
  { href: '/apidocs', label: 'API docs' },
];

// Not prefetched: every page is rendered per request (force-dynamic), so a prefetch is a server render of each
// sidebar page (16 requests) just as the page being opened hydrates, on the same server and CPU.
function NavLink({ href, label, pathname }: { href: string; label: string; pathname: string }) {
  const active = pathname === href || pathname.startsWith(`${href}/`) || (href === '/workflows' && pathname === '/');
  return (
    <li>
      <Link href={href} prefetch={false} aria-current={active ? 'page' : undefined} className={`block rounded-md px-3 py-2 text-sm ${active ? 'bg-slate-700 text-white' : 'hover:bg-slate-800'}`}>
        {label}
      </Link>
    </li>
  );
}

function ThemePicker() {
  const { choice, choose } = useTheme();
  return (
    <label className="flex items-center justify-between gap-2 text-xs text-slate-300">
      Theme
      <select value={choice} onChange={(e) => choose(e.target.value as ThemeChoice)} className="rounded border border-slate-600 bg-slate-800 px-1.5 py-0.5 text-slate-100">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { mode, namespace, baseHref } = useSettings();
  const version = useQuery({
    queryKey: ['argo', 'version'],
    queryFn: () => apiFetch<{ version?: string }>(baseHref, 'api/v1/version'),
    staleTime: Infinity,
  });
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <nav className="flex w-56 shrink-0 flex-col bg-slate-900 text-slate-200" aria-label="Main">
        <div className="px-5 py-5 text-lg font-semibold tracking-tight text-white">
          <span aria-hidden className="mr-2 inline-block h-3 w-3 rounded-sm bg-sky-400" />
          Capstan
        </div>
        <ul className="space-y-1 px-3">
          {navigation.map((item) => <NavLink key={item.href} {...item} pathname={pathname} />)}
        </ul>
        <ul className="mt-6 flex-1 space-y-1 border-t border-slate-800 px-3 pt-4">
          {/* Kubernetes mode's ConfigMaps and Secrets are the cluster's (kubectl); embedded mode keeps its own. */}
          {(mode === 'embedded' ? [{ href: '/config', label: 'ConfigMaps & Secrets' }, ...secondary] : secondary)
            .map((item) => <NavLink key={item.href} {...item} pathname={pathname} />)}
        </ul>
        <div className="space-y-2 px-5 py-4 text-xs text-slate-400">
          <ThemePicker />
          <p>{mode} mode · namespace {namespace}</p>
          <p title="Press ? for keyboard shortcuts">{version.data?.version ? `version ${version.data.version}` : '\u00a0'}</p>
        </div>
      </nav>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">{children}</main>
      <KeyboardShortcuts />
    </div>
  );
}
