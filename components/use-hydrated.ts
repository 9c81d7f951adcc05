'use client';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False while the server renders and while the browser hydrates that HTML, true once React owns the page. A page
 * whose first screen is rendered on the server marks it `inert` until then, so a click that arrives before the
 * scripts have run waits (Playwright waits for non-inert too) instead of falling on a button with no handler yet.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
