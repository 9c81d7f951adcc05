/** A banner saying the build history is degraded (kubernetes mode without an archive database), and how to fix it. */
export function HistoryNotice({ notice }: { notice: string | undefined }) {
  if (!notice) return null;
  return (
    <p role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {notice}
    </p>
  );
}
