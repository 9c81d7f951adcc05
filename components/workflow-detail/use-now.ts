'use client';
import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs` while `live` (a running workflow or node); frozen otherwise. */
export function useNow(live: boolean, intervalMs = 1_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!live) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [live, intervalMs]);
  return now;
}
