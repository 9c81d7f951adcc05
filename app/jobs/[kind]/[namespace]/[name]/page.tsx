import { Suspense } from 'react';
import { type JobPageParams, jobFromParams } from '@/components/jobs/job-page-params';
import { JobPage } from '@/components/jobs/job-page';
import { jobKey } from '@/components/jobs/job-ref';

export default async function JobRoute({ params }: { params: JobPageParams }) {
  const job = await jobFromParams(params);
  return (
    <Suspense>
      <JobPage key={jobKey(job)} job={job} />
    </Suspense>
  );
}
