'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { safeRedirect } from '@/lib/auth/session-cookie';
import { apiFetch, apiUrl } from './api-client';
import { PageHeader } from './page-header';
import { useSettings } from './settings-context';

/**
 * The login page, as Argo's: single sign-on (`/oauth2/redirect`, when `--auth-mode` has sso) and a pasted client
 * token, which goes into the `authorization` cookie (set by the server with the attributes that work inside a
 * portal's iframe). Either way the browser returns to the page that asked (`?redirect=/workflows/...`).
 */
export function LoginForm() {
  const { baseHref, authModes } = useSettings();
  const sso = authModes.includes('sso');
  const tokenLogin = authModes.includes('client') || !sso;
  const router = useRouter();
  const redirect = safeRedirect(useSearchParams().get('redirect'));
  const [token, setToken] = useState('');
  const login = useMutation({
    mutationFn: () => apiFetch(baseHref, 'api/capstan/v1/login', { method: 'POST', body: JSON.stringify({ token }) }),
    onSuccess: () => router.push(redirect),
  });
  const logout = useMutation({
    mutationFn: () => apiFetch<{ redirect?: string }>(baseHref, 'api/capstan/v1/logout', { method: 'POST' }),
    // After an SSO logout the provider's end-session page (another site), so its own session ends too.
    onSuccess: (answer) => {
      if (answer?.redirect) window.location.assign(answer.redirect);
    },
  });
  return (
    <>
      <PageHeader title="Log in" subtitle={sso && tokenLogin ? 'with your organisation’s single sign-on, or a Kubernetes token' : sso ? 'with your organisation’s single sign-on' : 'with a Kubernetes token (client auth mode)'} />
      {sso ? (
        <section className="mb-6 max-w-2xl space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          <p className="text-sm text-slate-700 dark:text-slate-300">Your organisation has configured single sign-on.</p>
          {/* A full navigation, not the router: the provider's login page is another site. */}
          <a
            href={apiUrl(baseHref, `oauth2/redirect?redirect=${encodeURIComponent(redirect)}`)}
            className="inline-block rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
          >
            Log in with SSO
          </a>
        </section>
      ) : null}
      {tokenLogin ? (
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
          <button type="submit" disabled={login.isPending} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
            Log in
          </button>
        </form>
      ) : null}
      <div className="mt-6 max-w-2xl">
        <button type="button" onClick={() => logout.mutate()} className="rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50">
          {logout.isSuccess ? 'Logged out' : 'Log out'}
        </button>
      </div>
    </>
  );
}
