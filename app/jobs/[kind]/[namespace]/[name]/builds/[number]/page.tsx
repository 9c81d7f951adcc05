import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { BuildPage } from '@/components/jobs/build-page';
import { jobFromParams } from '@/components/jobs/job-page-params';
import { jobKey } from '@/components/jobs/job-ref';

type Params = Promise<{ kind: string; namespace: string; name: string; number: string }>;

export default async function BuildRoute({ params }: { params: Params }) {
  const job = await jobFromParams(params);
  const number = Number((await params).number);
  if (!Number.isInteger(number) || number < 1) notFound();
  return (
    <Suspense>
      <BuildPage key={`${jobKey(job)}#${number}`} job={job} number={number} />
    </Suspense>
  );
}
