import { Suspense } from 'react';
import { JobsHome } from '@/components/jobs/jobs-home';

export default function JobsPage() {
  return (
    <Suspense>
      <JobsHome />
    </Suspense>
  );
}
