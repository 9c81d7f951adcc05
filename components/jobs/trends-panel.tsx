'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { rollingSuccessRate } from '@/lib/job-catalog/build-text';
import { formatDuration } from '@/lib/workflows/phase';
import { trendsQuery } from '../queries/history';
import { QueryState } from '../query-state';
import { useSettings } from '../settings-context';
import { phaseStyle } from '../workflow-detail/phase-style';
import type { JobRef } from './job-ref';

const trendPrefix = 't.';
const rateWindow = 10;
const axis = { fontSize: 11, fill: '#64748b' };

/** The parameter filter of the trends, kept in the URL as `t.<name>=<value>`. */
function useTrendFilter() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = useMemo(() => Object.fromEntries([...searchParams].filter(([k, v]) => k.startsWith(trendPrefix) && v).map(([k, v]) => [k.slice(trendPrefix.length), v])), [searchParams]);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    if (value) next.set(`${trendPrefix}${name}`, value);
    else next.delete(`${trendPrefix}${name}`);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { filter, set };
}

/** Duration and success rate over the job's recent completed builds, narrowed by parameter values. */
export function TrendsPanel({ job, live, limit = 100 }: { job: JobRef; live: boolean; limit?: number }) {
  const { baseHref } = useSettings();
  const { filter, set } = useTrendFilter();
  const query = useQuery({ ...trendsQuery(baseHref, job, limit, filter), placeholderData: keepPreviousData, refetchInterval: live ? false : 30_000 });
  const trends = query.data;
  const points = useMemo(() => rollingSuccessRate(trends?.points ?? [], rateWindow), [trends]);
  const parameterNames = Object.keys(trends?.parameterValues ?? {}).filter((name) => (trends!.parameterValues[name]?.length ?? 0) > 1 || filter[name]);
  return (
    <section aria-labelledby="trends-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="trends-heading" className="mr-auto text-sm font-semibold text-slate-800">Trends</h2>
        {parameterNames.map((name) => (
          <label key={name} className="flex items-center gap-1 text-xs text-slate-600">
            <span className="font-mono">{name}</span>
            <select value={filter[name] ?? ''} onChange={(e) => set(name, e.target.value)} className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs">
              <option value="">any</option>
              {(trends?.parameterValues[name] ?? []).map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </label>
        ))}
      </div>
      <QueryState isPending={query.isPending} error={query.error}
        empty={trends && trends.points.length === 0 ? <p className="text-sm text-slate-500">No completed builds{Object.keys(filter).length ? ' with these parameters' : ''} yet.</p> : undefined}>
        {trends ? (
          <>
            <p className="mb-2 text-xs text-slate-500">
              Last {trends.count} completed build{trends.count === 1 ? '' : 's'}:{' '}
              <span className="font-medium text-slate-700">{trends.successRate === null ? '-' : `${Math.round(trends.successRate * 100)}% succeeded`}</span>, average{' '}
              <span className="font-medium text-slate-700">{trends.averageDurationSeconds === null ? '-' : formatDuration(trends.averageDurationSeconds)}</span>
            </p>
            <div className="grid gap-x-6 gap-y-3 lg:grid-cols-2">
              <figure>
                <figcaption className="text-xs font-medium text-slate-500">Duration per build</figcaption>
                <div className="h-36" role="img" aria-label="Duration per build chart">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                      <XAxis dataKey="number" tick={axis} tickFormatter={(n) => `#${n}`} minTickGap={12} />
                      <YAxis tick={axis} tickFormatter={(s: number) => formatDuration(s)} allowDecimals={false} width={56} />
                      <Tooltip formatter={(s) => [formatDuration(Number(s)), 'duration']} labelFormatter={(n) => `Build #${n}`} />
                      <Bar dataKey="durationSeconds" maxBarSize={28} isAnimationActive={false}>
                        {points.map((p) => <Cell key={p.number} fill={phaseStyle(p.phase).fill} />)}
                      </Bar>
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </figure>
              <figure>
                <figcaption className="text-xs font-medium text-slate-500">Success rate (last {rateWindow} builds at each point)</figcaption>
                <div className="h-36" role="img" aria-label="Success rate chart">
                  <ResponsiveContainer width="100%" height="100%">
                    <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                      <XAxis dataKey="number" tick={axis} tickFormatter={(n) => `#${n}`} minTickGap={12} />
                      <YAxis domain={[0, 100]} tick={axis} tickFormatter={(v) => `${v}%`} width={56} />
                      <Tooltip formatter={(v) => [`${v}%`, 'success rate']} labelFormatter={(n) => `Build #${n}`} />
                      <Line type="monotone" dataKey="successRate" stroke="#10b981" strokeWidth={2} dot={false} isAnimationActive={false} />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </figure>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
