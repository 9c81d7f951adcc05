'use client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { loginPathFor } from '@/lib/auth/session-cookie';
import { ApiRequestError } from './api-client';
import { type ClientSettings, SettingsContext } from './settings-context';
import { ThemeProvider } from './theme/theme';

const isUnauthenticated = (error: unknown) => error instanceof ApiRequestError && error.status === 401;

export function Providers({ settings, children }: { settings: ClientSettings; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  // A 401 from any API call (no login, an expired or logged-out session) opens the login page, which returns here
  // afterwards. Through the router, so it stays under the base path and inside a portal's frame.
  const onUnauthenticated = useRef<() => void>(() => undefined);
  useEffect(() => {
    onUnauthenticated.current = () => {
      if (pathname === '/login') return;
      router.push(loginPathFor(`${pathname}${window.location.search}`));
    };
  }, [pathname, router]);
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if (isUnauthenticated(error)) onUnauthenticated.current();
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 5_000,
          refetchOnWindowFocus: false,
          // Asking again does not log anyone in.
          retry: (failures, error) => !isUnauthenticated(error) && failures < 3,
        },
      },
    });
  });
  return (
    <SettingsContext.Provider value={settings}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider>{children}</ThemeProvider>
      </QueryClientProvider>
    </SettingsContext.Provider>
  );
}
