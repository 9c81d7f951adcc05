import type { ReactNode } from 'react';

/** Loading and error states shared by every list, so none of them fails silently. */
export function QueryState({ isPending, error, empty, children }: {
  isPending: boolean;
  error: Error | null;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (isPending) return <p className="py-8 text-sm text-slate-500">Loading…</p>;
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
        {error.message}
      </p>
    );
  }
  return <>{empty ?? children}</>;
}
