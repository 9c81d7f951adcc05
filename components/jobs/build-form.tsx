'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useMemo, useState } from 'react';
import {
  type BuildFormErrors, type BuildFormValues, prefillValues, submittableSpec, toParameterFields, toShareQuery, toSubmitRequest,
  validateBuildForm,
} from '@/lib/build-form';
import { describeJob } from '@/lib/history/describe-job';
import type { KubeObject } from '@/lib/k8s/object';
import { apiFetch, apiUrl } from '../api-client';
import { QueryState } from '../query-state';
import { buildQuery } from '../queries/history';
import type { BuildDetail } from '../queries/history-types';
import { useSettings } from '../settings-context';
import { buildHrefOf } from './build-links';
import { JobBreadcrumbs } from './job-breadcrumbs';
import { type JobRef, buildHref, jobHref, resourceKindOf } from './job-ref';
import { jobResourceQuery } from './job-query';
import { ParameterInput } from './parameter-input';

const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200';

/**
 * "Build with parameters": the job's parameters as a form, pre-filled from the template, then from the build being
 * rebuilt (`?rebuild=<workflow>`), then from the URL (`?p.<name>=<value>`).
 */
export function BuildForm({ job }: { job: JobRef }) {
  const { baseHref, namespace: defaultNamespace } = useSettings();
  const searchParams = useSearchParams();
  const rebuildParam = Number(searchParams.get('rebuild'));
  const rebuild = Number.isInteger(rebuildParam) && rebuildParam > 0 ? rebuildParam : undefined;
  const jobResult = useQuery(jobResourceQuery(baseHref, job));
  const previous = useQuery({ ...buildQuery(baseHref, job, rebuild ?? 0), enabled: rebuild !== undefined });
  const buildNamespace = job.namespace || searchParams.get('namespace') || previous.data?.namespace || defaultNamespace;
  const pending = jobResult.isPending || (rebuild !== undefined && previous.isPending);
  return (
    <>
      <JobBreadcrumbs job={job} current={rebuild ? `Rebuild #${rebuild}` : 'Build with parameters'} />
      <QueryState isPending={pending} error={jobResult.error ?? previous.error}>
        {jobResult.data ? (
          <LoadedBuildForm
            key={`${jobResult.data.metadata.uid}/${rebuild ?? ''}`}
            job={job}
            source={jobResult.data}
            namespace={buildNamespace}
            previous={previous.data}
            query={searchParams}
          />
        ) : null}
      </QueryState>
    </>
  );
}

function LoadedBuildForm({ job, source, namespace: initialNamespace, previous, query }: {
  job: JobRef;
  source: KubeObject;
  namespace: string;
  previous?: BuildDetail;
  query: URLSearchParams | Iterable<[string, string]>;
}) {
  const { baseHref } = useSettings();
  const router = useRouter();
  const queryClient = useQueryClient();
  const spec = useMemo(() => submittableSpec(source), [source]);
  const fields = useMemo(() => toParameterFields(spec.parameters), [spec]);
  const [{ values: initialValues, ignored }] = useState(() =>
    prefillValues(fields, { previous: previous?.parameters, query }));
  const [values, setValues] = useState<BuildFormValues>(initialValues);
  const [errors, setErrors] = useState<BuildFormErrors>({});
  const [namespace, setNamespace] = useState(initialNamespace);
  const [copied, setCopied] = useState(false);
  const { title = job.name, description } = describeJob(job.kind, source, new Date());
  const advancedOpen = Boolean(values.labels || values.entrypoint || errors['labels'] || errors['entrypoint'] || !job.namespace);

  const submit = useMutation({
    mutationFn: () => apiFetch<KubeObject>(baseHref, `api/v1/workflows/${encodeURIComponent(namespace)}/submit`, {
      method: 'POST',
      body: JSON.stringify(toSubmitRequest(resourceKindOf[job.kind], job.name, fields, values)),
    }),
    onSuccess: async (workflow) => {
      await queryClient.invalidateQueries({ queryKey: ['argo', 'workflows'] });
      await queryClient.invalidateQueries({ queryKey: ['capstan', 'builds'] });
      router.push(buildHrefOf(job, workflow));
    },
  });

  const setParameter = (name: string, value: string) => {
    setValues((v) => ({ ...v, parameters: { ...v.parameters, [name]: value } }));
    setErrors(({ [name]: _, ...rest }) => rest);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateBuildForm(fields, values, spec.templateNames);
    if (!namespace.trim()) found['namespace'] = 'Choose the namespace the build runs in.';
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(`param-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    submit.mutate();
  };
  const copyLink = async () => {
    const share = toShareQuery(fields, values);
    const path = `${jobHref(job, 'build')}${share ? `?${share}` : ''}`;
    await navigator.clipboard?.writeText(new URL(apiUrl(baseHref, path), window.location.origin).href).catch(() => undefined);
    router.replace(path, { scroll: false });
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">{previous ? `Rebuild #${previous.number}` : 'Build with parameters'}</h1>
      <p className="mt-1 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{title}</span>
        {/* The description's first line only: it is markdown, shown in full on the job page. */}
        {description ? <span> · {description.split('\n')[0]!.replace(/[*_`#>]/g, '')}</span> : null}
      </p>
      {previous ? (
        <p className="mt-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200">
          Pre-filled with the parameters of build <Link className="font-medium underline" href={buildHref(job, previous.number)}>#{previous.number}</Link>. Edit any before building.
        </p>
      ) : null}
      {ignored.length ? (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Not parameters of this job any more, so left out: {ignored.join(', ')}.
        </p>
      ) : null}

      <section aria-label="Parameters" className="mt-5 rounded-lg bg-white px-5 shadow-sm ring-1 ring-slate-200">
        {fields.length === 0 ? (
          <p className="py-4 text-sm text-slate-500">This job takes no parameters.</p>
        ) : (
          <div className="divide-y divide-slate-100 dark:divide-slate-800">
            {fields.map((field) => (
              <ParameterInput key={field.name} field={field} value={values.parameters[field.name] ?? ''} error={errors[field.name]}
                onChange={(value) => setParameter(field.name, value)} />
            ))}
          </div>
        )}
      </section>

      <details open={advancedOpen} className="mt-4 rounded-lg bg-white px-5 py-3 shadow-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced: namespace, labels, entrypoint</summary>
        <div className="grid gap-4 py-3 sm:grid-cols-[14rem_1fr]">
          <label htmlFor="param-namespace" className="pt-1.5 text-sm font-medium text-slate-800">Namespace</label>
          <div>
            <input id="param-namespace" value={namespace} disabled={Boolean(job.namespace)} onChange={(e) => setNamespace(e.target.value.trim())} className={`${inputClass} disabled:bg-slate-50 disabled:text-slate-500`} />
            <p className={`mt-1 text-xs ${errors['namespace'] ? 'text-rose-700' : 'text-slate-500'}`}>
              {errors['namespace'] ?? (job.namespace ? 'Builds run in the template’s namespace.' : 'A cluster template can build in any namespace.')}
            </p>
          </div>
          <label htmlFor="param-labels" className="pt-1.5 text-sm font-medium text-slate-800">Labels</label>
          <div>
            <input id="param-labels" value={values.labels} placeholder="team=a,ticket=OPS-12" spellCheck={false}
              onChange={(e) => { setValues((v) => ({ ...v, labels: e.target.value })); setErrors(({ labels: _, ...rest }) => rest); }}
              className={inputClass} aria-invalid={errors['labels'] ? true : undefined} />
            <p className={`mt-1 text-xs ${errors['labels'] ? 'text-rose-700' : 'text-slate-500'}`}>{errors['labels'] ?? 'Extra labels on the build, key=value separated by commas.'}</p>
          </div>
          <label htmlFor="param-entrypoint" className="pt-1.5 text-sm font-medium text-slate-800">Entrypoint</label>
          <div>
            <select id="param-entrypoint" value={values.entrypoint} className={inputClass} aria-invalid={errors['entrypoint'] ? true : undefined}
              onChange={(e) => { setValues((v) => ({ ...v, entrypoint: e.target.value })); setErrors(({ entrypoint: _, ...rest }) => rest); }}>
              <option value="">{spec.entrypoint ? `${spec.entrypoint} (the template’s)` : 'the template’s'}</option>
              {values.entrypoint && !spec.templateNames.includes(values.entrypoint) ? <option value={values.entrypoint}>{values.entrypoint}</option> : null}
              {spec.templateNames.filter((n) => n !== spec.entrypoint).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
            <p className={`mt-1 text-xs ${errors['entrypoint'] ? 'text-rose-700' : 'text-slate-500'}`}>{errors['entrypoint'] ?? 'Start from another template of this job.'}</p>
          </div>
        </div>
      </details>

      {submit.error ? (
        <p role="alert" className="mt-4 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          The build was not started: {submit.error.message}
        </p>
      ) : Object.keys(errors).length ? (
        <p role="alert" className="mt-4 text-sm text-rose-700">Fix the highlighted fields to build.</p>
      ) : null}

      <div className="mt-5 flex items-center gap-3">
        <button type="submit" disabled={submit.isPending}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-50">
          {submit.isPending ? 'Starting…' : 'Build'}
        </button>
        <button type="button" onClick={copyLink} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-600">
          {copied ? 'Link copied' : 'Copy link to this form'}
        </button>
        <Link href={jobHref(job)} className="px-2 py-2 text-sm text-slate-600 hover:text-slate-900 hover:underline">Cancel</Link>
      </div>
    </form>
  );
}
