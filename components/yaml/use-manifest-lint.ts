'use client';
import { useEffect, useState } from 'react';
import { parseManifest } from '@/lib/workflows/parse-manifest';
import { apiFetch } from '../api-client';
import { useSettings } from '../settings-context';

export type LintState = { status: 'idle' | 'checking' } | { status: 'ok' } | { status: 'invalid'; message: string };

/**
 * Lints a manifest as it is typed: half a second after the last key, the server's lint endpoint (`lintPath`,
 * the object under `bodyKey`) checks it against Argo's schema and rules, without storing anything.
 */
export function useManifestLint(text: string, lintPath: string, bodyKey: string): LintState {
  const { baseHref } = useSettings();
  const [lint, setLint] = useState<LintState>({ status: 'idle' });
  useEffect(() => {
    const current = parseManifest(text);
    if (!('object' in current)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setLint({ status: 'checking' });
      apiFetch<unknown>(baseHref, lintPath, { method: 'POST', body: JSON.stringify({ [bodyKey]: current.object }), signal: abort.signal })
        .then(() => setLint({ status: 'ok' }), (error: Error) => {
          if (!abort.signal.aborted) setLint({ status: 'invalid', message: error.message });
        });
    }, 500);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [text, baseHref, lintPath, bodyKey]);
  return lint;
}
