'use client';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { ErrorState } from '../states';

interface UserInfo {
  subject?: string;
  issuer?: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  groups?: string[];
  serviceAccountName?: string;
  serviceAccountNamespace?: string;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-3 border-t border-slate-100 px-4 py-2.5 text-sm first:border-t-0 dark:border-slate-800">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who the server takes the browser to be, how it authenticates, and which namespaces it can see. */
export function UserInfoPage() {
  const { baseHref, mode, namespace } = useSettings();
  const user = useQuery({ queryKey: ['argo', 'userinfo'], queryFn: () => apiFetch<UserInfo>(baseHref, 'api/v1/userinfo') });
  const info = useQuery({ queryKey: ['argo', 'info'], queryFn: () => apiFetch<{ managedNamespace?: string }>(baseHref, 'api/v1/info') });
  const u = user.data ?? {};
  // The address the browser used, read after hydration so the server's render matches.
  const [server, setServer] = useState({ host: 'localhost:2746', secure: false });
  useEffect(() => setServer({ host: window.location.host, secure: window.location.protocol === 'https:' }), []);
  const anonymous = user.data && !u.subject && !u.email && !u.serviceAccountName;
  return (
    <>
      <PageHeader title="User info" subtitle="who you are to Capstan, and what you can see" />
      {user.error ? <ErrorState message={`Could not read your user info: ${user.error.message}`} onRetry={() => void user.refetch()} /> : null}
      <dl className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <Row label="Identity">
          {user.isPending ? 'Loading…' : anonymous
            ? 'Capstan’s own identity (server auth mode: every request acts as the server, so there is no user to report)'
            : u.name ?? u.email ?? u.subject ?? u.serviceAccountName}
        </Row>
        {u.subject ? <Row label="Subject"><code className="font-mono text-xs">{u.subject}</code></Row> : null}
        {u.issuer ? <Row label="Issuer"><code className="font-mono text-xs">{u.issuer}</code></Row> : null}
        {u.email ? <Row label="Email">{u.email}{u.emailVerified ? ' (verified)' : ''}</Row> : null}
        {u.groups?.length ? <Row label="Groups">{u.groups.join(', ')}</Row> : null}
        {u.serviceAccountName ? <Row label="Service account">{u.serviceAccountNamespace}/{u.serviceAccountName}</Row> : null}
        <Row label="Mode">{mode === 'embedded' ? 'embedded (steps run as local processes; state in an embedded database)' : 'kubernetes'}</Row>
        <Row label="Namespaces">
          {info.data?.managedNamespace ? <>only <code className="font-mono">{info.data.managedNamespace}</code></> : 'every namespace your credentials may read'}
          {' · '}the dashboard opens <code className="font-mono">{namespace}</code>
        </Row>
        <Row label="Using the CLI">
          <code className="block whitespace-pre-wrap font-mono text-xs">{`ARGO_SERVER=${server.host} ARGO_HTTP1=true ARGO_SECURE=${server.secure} argo list -n ${namespace}`}</code>
        </Row>
      </dl>
    </>
  );
}
