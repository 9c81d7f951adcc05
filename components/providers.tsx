'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type ClientSettings, SettingsContext } from './settings-context';
import { ThemeProvider } from './theme/theme';

export function Providers({ settings, children }: { settings: ClientSettings; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <SettingsContext.Provider value={settings}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider>{children}</ThemeProvider>
      </QueryClientProvider>
    </SettingsContext.Provider>
  );
}
