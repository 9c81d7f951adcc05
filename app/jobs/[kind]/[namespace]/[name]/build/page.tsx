import { Suspense } from 'react';
import { BuildForm } from '@/components/jobs/build-form';
import { type JobPageParams, jobFromParams } from '@/components/jobs/job-page-params';
import { jobKey } from '@/components/jobs/job-ref';

export default async function BuildWithParametersPage({ params }: { params: JobPageParams }) {
  const job = await jobFromParams(params);
  return (
    <Suspense>
      <BuildForm key={jobKey(job)} job={job} />
    </Suspense>
  );
}
