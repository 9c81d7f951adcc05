'use client';
import { createContext, useContext } from 'react';

/** What the server tells the browser at start-up: where the API lives and which namespace to open. */
export interface ClientSettings {
  baseHref: string;
  namespace: string;
  mode: 'embedded' | 'kubernetes';
  /** The auth modes the server accepts (`--auth-mode`): the login page offers SSO only when it is on. */
  authModes: readonly ('server' | 'client' | 'sso')[];
}

export const SettingsContext = createContext<ClientSettings>({ baseHref: '/', namespace: 'argo', mode: 'embedded', authModes: ['server'] });

export function useSettings(): ClientSettings {
  return useContext(SettingsContext);
}
