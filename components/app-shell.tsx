'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useSettings } from './settings-context';

const navigation = [
  { href: '/jobs', label: 'Jobs' },
  { href: '/workflows', label: 'Workflows' },
  { href: '/workflow-templates', label: 'Templates' },
];

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { mode, namespace } = useSettings();
  return (
    <div className="flex min-h-screen">
      <nav className="flex w-56 shrink-0 flex-col bg-slate-900 text-slate-200" aria-label="Main">
        <div className="px-5 py-5 text-lg font-semibold tracking-tight text-white">
          <span aria-hidden className="mr-2 inline-block h-3 w-3 rounded-sm bg-sky-400" />
          Capstan
        </div>
        <ul className="flex-1 space-y-1 px-3">
          {navigation.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`) || (item.href === '/workflows' && pathname === '/');
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className={`block rounded-md px-3 py-2 text-sm ${active ? 'bg-slate-700 text-white' : 'hover:bg-slate-800'}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="px-5 py-4 text-xs text-slate-400">
          {mode} mode · namespace {namespace}
        </div>
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
