'use client';
import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs` while `live` (a running workflow or node); frozen otherwise.
 * `start` (ms) is the time a server-rendered page was rendered at, so hydration shows the same relative times.
 */
export function useNow(live: boolean, intervalMs = 1_000, start?: number): Date {
  const [now, setNow] = useState(() => (start === undefined ? new Date() : new Date(start)));
  useEffect(() => {
    if (!live) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [live, intervalMs]);
  return now;
}
