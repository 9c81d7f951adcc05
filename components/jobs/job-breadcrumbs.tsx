'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { useSettings } from '../settings-context';
import { type JobRef, jobHref } from './job-ref';
import { jobDetailQuery } from '../queries/history';
import { foldersHref } from './jobs-url';

/** `Jobs / team-a / backend / ci / <current>`: the folder path from the job's annotation, each part a link. */
export function JobBreadcrumbs({ job, current }: { job: JobRef; current?: ReactNode }) {
  const { baseHref } = useSettings();
  const detail = useQuery(jobDetailQuery(baseHref, job));
  const folder = detail.data?.folder ?? '';
  const title = detail.data?.title || job.name;
  const parts = folder ? folder.split('/') : [];
  const separator = <span className="mx-1.5 text-slate-400" aria-hidden>/</span>;
  return (
    <nav aria-label="Breadcrumb" className="mb-2 flex flex-wrap items-center text-sm text-slate-500">
      <Link href="/jobs" className="hover:text-slate-900 hover:underline">Jobs</Link>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {separator}
          <Link href={foldersHref(parts.slice(0, i + 1).join('/'))} className="hover:text-slate-900 hover:underline">{part}</Link>
        </Fragment>
      ))}
      {separator}
      {current ? (
        <>
          <Link href={jobHref(job)} className="hover:text-slate-900 hover:underline">{title}</Link>
          {separator}
          <span className="text-slate-700">{current}</span>
        </>
      ) : (
        <span className="text-slate-700">{title}</span>
      )}
    </nav>
  );
}
