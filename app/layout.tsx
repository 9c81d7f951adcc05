import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { Providers } from '@/components/providers';
import { themeBootScript } from '@/components/theme/theme';
import { findRuntime } from '@/server/runtime';
import './globals.css';

export const metadata: Metadata = { title: 'Capstan', description: 'Argo Workflows, with build history' };
// The base path and namespace are chosen when the server starts, not when it is built.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  const config = findRuntime()?.config;
  const settings = { baseHref: config?.baseHref ?? '/', namespace: config?.namespace ?? 'argo', mode: config?.mode ?? 'embedded', authModes: config?.authModes ?? ['server'] };
  return (
    // The boot script sets the theme class before the first paint, so React sees a different class: expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>
        <Providers settings={settings}>
          <AppShell>{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
