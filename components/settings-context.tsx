'use client';
import { createContext, useContext } from 'react';

/** What the server tells the browser at start-up: where the API lives and which namespace to open. */
export interface ClientSettings {
  baseHref: string;
  namespace: string;
  mode: 'embedded' | 'kubernetes';
}

export const SettingsContext = createContext<ClientSettings>({ baseHref: '/', namespace: 'argo', mode: 'embedded' });

export function useSettings(): ClientSettings {
  return useContext(SettingsContext);
}
