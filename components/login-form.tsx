'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { safeRedirect } from '@/lib/auth/session-cookie';
import { apiFetch } from './api-client';
import { PageHeader } from './page-header';
import { useSettings } from './settings-context';

/**
 * Client-token login, as Argo's: the pasted token goes into the `authorization` cookie (set by the server with the
 * attributes that work inside a portal's iframe), then back to the page that asked (`?redirect=/workflows/...`).
 * SSO: when the OIDC login exists it adds its button here, linking to apiUrl(baseHref, 'oauth2/redirect?redirect=...').
 */
export function LoginForm() {
  const { baseHref } = useSettings();
  const router = useRouter();
  const redirect = safeRedirect(useSearchParams().get('redirect'));
  const [token, setToken] = useState('');
  const login = useMutation({
    mutationFn: () => apiFetch(baseHref, 'api/capstan/v1/login', { method: 'POST', body: JSON.stringify({ token }) }),
    onSuccess: () => router.push(redirect),
  });
  const logout = useMutation({
    mutationFn: () => apiFetch(baseHref, 'api/capstan/v1/logout', { method: 'POST' }),
  });
  return (
    <>
      <PageHeader title="Log in" subtitle="with a Kubernetes token (client auth mode)" />
      <form
        className="max-w-2xl space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          login.mutate();
        }}
      >
        <label className="block text-sm font-medium text-slate-700" htmlFor="token">
          Token
        </label>
        <textarea
          id="token"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          rows={4}
          placeholder="Bearer eyJhbGciOi…   (argo auth token, or kubectl create token <service account>)"
          className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
        />
        {login.error ? (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
            Login failed: {login.error.message}
          </p>
        ) : null}
        <div className="flex gap-3">
          <button type="submit" disabled={login.isPending} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
            Log in
          </button>
          <button type="button" onClick={() => logout.mutate()} className="rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50">
            {logout.isSuccess ? 'Logged out' : 'Log out'}
          </button>
        </div>
      </form>
    </>
  );
}
