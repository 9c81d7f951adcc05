'use client';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const storageKey = 'capstan-theme';

const ThemeContext = createContext<{ choice: ThemeChoice; dark: boolean; choose: (choice: ThemeChoice) => void }>({
  choice: 'system', dark: false, choose: () => undefined,
});

/**
 * Runs before the page paints (inlined in <head>), so a dark theme never flashes white: reads the saved choice
 * or the system's preference and sets the `dark` class on <html>.
 */
export const themeBootScript = `(function(){try{var c=localStorage.getItem('${storageKey}')||'system';var d=c==='dark'||(c==='system'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;

// Inside a portal's cross-site iframe the browser may refuse storage (third-party storage blocked): reading or
// writing then throws a SecurityError, which must cost only the remembered choice, never the page.
function savedChoice(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function saveChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // not remembered in this browser; the choice still applies to this page
  }
}

/** Light, dark, or the system's setting (the default), remembered in this browser. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  const [systemDark, setSystemDark] = useState(false);
  useEffect(() => {
    const saved = savedChoice();
    if (saved === 'light' || saved === 'dark') setChoice(saved);
    const media = matchMedia('(prefers-color-scheme: dark)');
    setSystemDark(media.matches);
    const listen = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    media.addEventListener('change', listen);
    return () => media.removeEventListener('change', listen);
  }, []);
  const dark = choice === 'dark' || (choice === 'system' && systemDark);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  const choose = useCallback((next: ThemeChoice) => {
    setChoice(next);
    saveChoice(next);
  }, []);
  return <ThemeContext.Provider value={{ choice, dark, choose }}>{children}</ThemeContext.Provider>;
}

export function useTheme() {
  return useContext(ThemeContext);
}
